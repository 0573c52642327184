package io.gatehouse.data.store;

import java.nio.file.Path;
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

    private SchemaMigrator() {
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
