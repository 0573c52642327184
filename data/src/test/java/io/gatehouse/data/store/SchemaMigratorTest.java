package io.gatehouse.data.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up short cut: a store is "current" only when its history holds exactly the shipped migrations. */
class SchemaMigratorTest {
    @TempDir
    Path tmp;

    private JdbcDataSource db;

    @BeforeEach
    void database() {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:file:" + tmp.resolve("s") + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void theShippedListIsWhatFlywayFinds() {
        String[] found = Arrays.stream(Flyway.configure().dataSource(db).locations("classpath:db/migration").load()
                .info().all()).map(m -> m.getVersion().getVersion()).toArray(String[]::new);
        assertThat(SchemaMigrator.VERSIONS).containsExactly(found);
    }

    @Test
    void aNewStoreIsNotCurrentAndAMigratedOneIs() throws Exception {
        try (Connection c = db.getConnection()) {
            assertThat(SchemaMigrator.isCurrent(c)).isFalse();
            SchemaMigrator.migrate(db, tmp);
            assertThat(SchemaMigrator.isCurrent(c)).isTrue();
        }
    }

    @Test
    void anOlderSchemaIsNotCurrent() throws Exception {
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target("9").load().migrate();
        try (Connection c = db.getConnection()) {
            assertThat(SchemaMigrator.isCurrent(c)).isFalse();
        }
    }

    @Test
    void aNewerSchemaOrAFailedStepIsNotCurrent() throws Exception {
        SchemaMigrator.migrate(db, tmp);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                    + " \"script\", \"checksum\", \"installed_by\", \"installed_on\", \"execution_time\", \"success\")"
                    + " VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'sa', CURRENT_TIMESTAMP, 1, TRUE)");
            assertThat(SchemaMigrator.isCurrent(c)).isFalse();
            s.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '99'");
            assertThat(SchemaMigrator.isCurrent(c)).isTrue();
            s.execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '13'");
            assertThat(SchemaMigrator.isCurrent(c)).isFalse();
        }
    }
}
