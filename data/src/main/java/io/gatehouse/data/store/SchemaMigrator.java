package io.gatehouse.data.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.FlywayException;

/** Brings the schema up to date with Flyway, refusing a database from a newer Gatehouse. */
final class SchemaMigrator {
    // Flyway reports every step at INFO through java.util.logging; on a desktop and on the command
    // line that is noise, so only its warnings pass. Held in a field: JUL keeps loggers weakly.
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    /**
     * The versions of the migrations in {@code db/migration}, in order ({@code SchemaMigratorTest} keeps this equal
     * to what Flyway finds there). V10 was never released.
     */
    static final List<String> VERSIONS = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "11", "12", "13", "14");

    // rows without a version that Flyway writes for itself: the history table's (and a schema's) creation
    private static final Set<String> HISTORY_MARKERS = Set.of("TABLE", "SCHEMA");

    private SchemaMigrator() {
    }

    /**
     * Whether the store's history lists exactly the shipped migrations, every one applied: then there is nothing to
     * migrate and Flyway need not start. Starting it scans the class path and validates every migration's checksum,
     * which costs about a third of a second of every console start; the migrations ship in the same jar as this
     * list, so on a current store that check only repeats what the build established. Anything else (a new store,
     * an older or newer schema, a failed step) returns false and goes through Flyway as before.
     */
    static boolean isCurrent(Connection connection) {
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT \"version\", \"success\", \"type\" FROM \"flyway_schema_history\"")) {
            Set<String> applied = new HashSet<>();
            while (r.next()) {
                String version = r.getString(1);
                if (!r.getBoolean(2)) {
                    return false;
                }
                if (version != null) {
                    applied.add(version);
                } else if (!HISTORY_MARKERS.contains(r.getString(3))) {
                    // a repeatable migration: none ships, so let Flyway judge it
                    return false;
                }
            }
            return applied.equals(Set.copyOf(VERSIONS));
        } catch (SQLException noHistoryYet) {
            return false;
        }
    }

    /**
     * Refuses a database that a newer Gatehouse has migrated. Run against a read-only connection,
     * so that a refused file stays byte for byte as it was.
     */
    static void refuseNewerSchema(DataSource readOnly, Path dir) {
        try {
            MigrationInfo[] future = Arrays.stream(flyway(readOnly).info().all())
                    .filter(info -> info.getState() == MigrationState.FUTURE_SUCCESS
                            || info.getState() == MigrationState.FUTURE_FAILED)
                    .toArray(MigrationInfo[]::new);
            // Flyway tolerates unknown newer migrations by default; an older console writing into a
            // newer schema could break what the newer one relies on, so refuse instead.
            if (future.length > 0) {
                throw new StoreException(StoreException.Reason.NEWER_SCHEMA, "The data directory " + dir
                        + " was written by a newer Gatehouse (schema version " + future[future.length - 1].getVersion()
                        + "). Update Gatehouse, or use another --data-dir; nothing was changed.", null);
            }
        } catch (FlywayException e) {
            throw new StoreException(StoreException.Reason.IO, "Cannot read the schema version of the local store in "
                    + dir + ": " + e.getMessage(), e);
        }
    }

    static void migrate(DataSource dataSource, Path dir) {
        try {
            flyway(dataSource).migrate();
        } catch (FlywayException e) {
            throw new StoreException(StoreException.Reason.IO, "Cannot bring the local store in " + dir
                    + " up to date: " + e.getMessage(), e);
        }
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
    }
}
