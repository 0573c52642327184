package io.gatehouse.data.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new store starts from the build's migrated template, and is the same as one that Flyway migrates. */
class StoreTemplateTest {
    @TempDir
    Path tmp;

    @Test
    void theBuildShipsATemplate() {
        assertThat(StoreTemplate.shipped()).isNotNull();
    }

    @Test
    void aStoreFromTheTemplateHasTheSchemaFlywayMakes() throws Exception {
        Path fromTemplate = tmp.resolve("template");
        Path migrated = tmp.resolve("flyway");
        try (LocalStore store = LocalStore.open(fromTemplate, StoreTemplate.shipped())) {
            store.write(c -> null);
        }
        try (LocalStore store = LocalStore.open(migrated, null)) {
            store.write(c -> null);
        }
        List<String> expected = schema(migrated);
        assertThat(expected).anyMatch(line -> line.contains("CREATE MEMORY TABLE") || line.contains("CREATE CACHED TABLE"));
        assertThat(schema(fromTemplate)).containsExactlyElementsOf(expected);
        assertThat(history(fromTemplate)).containsExactlyElementsOf(SchemaMigrator.VERSIONS);
    }

    @Test
    void aStaleTemplateIsBroughtUpToDateByFlyway() throws Exception {
        Path old = tmp.resolve("old");
        JdbcDataSource db = new JdbcDataSource();
        db.setURL(LocalStore.jdbcUrl(old));
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target("9").load().migrate();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
        Path dir = tmp.resolve("data");
        try (LocalStore store = LocalStore.open(dir, old.resolve(LocalStore.DATABASE_FILE).toUri().toURL())) {
            store.write(c -> null);
        }
        assertThat(history(dir)).containsExactlyElementsOf(SchemaMigrator.VERSIONS);
    }

    @Test
    void aCopyLeftHalfWayByACrashIsReplaced() throws Exception {
        Path dir = tmp.resolve("data");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(LocalStore.DATABASE_FILE + ".part"), "half a file");
        try (LocalStore store = LocalStore.open(dir, StoreTemplate.shipped())) {
            store.write(c -> null);
        }
        assertThat(dir.resolve(LocalStore.DATABASE_FILE + ".part")).doesNotExist();
        assertThat(history(dir)).containsExactlyElementsOf(SchemaMigrator.VERSIONS);
    }

    @Test
    void withoutATemplateNothingIsCopied() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("none"));
        assertThat(StoreTemplate.copyInto(dir, null)).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    // the DDL of every object, without rows: H2's own rendering, so that any difference in a table, index,
    // constraint or sequence shows
    private static List<String> schema(Path dir) throws Exception {
        return query(dir, "SCRIPT NODATA NOPASSWORDS NOSETTINGS");
    }

    private static List<String> history(Path dir) throws Exception {
        return query(dir, "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"
                + " ORDER BY \"installed_rank\"");
    }

    private static List<String> query(Path dir, String sql) throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:file:" + dir.resolve(LocalStore.DATABASE_NAME) + ";ACCESS_MODE_DATA=r");
        List<String> lines = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                lines.add(r.getString(1));
            }
        }
        return lines;
    }
}
