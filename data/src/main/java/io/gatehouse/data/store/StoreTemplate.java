package io.gatehouse.data.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;

/**
 * An empty store with every shipped migration applied, made by the build and carried in this jar.
 *
 * <p>A first start copies it instead of running Flyway: starting Flyway and applying the migrations to a new file
 * took about 0.8 s of a cold first start, on the path to the first usable console. The copy is only a head start:
 * {@link LocalStore#open} still checks its history against {@link SchemaMigrator#VERSIONS} and hands anything else to
 * Flyway, so a stale or missing template costs time, never correctness.
 */
final class StoreTemplate {
    static final String RESOURCE = "/io/gatehouse/data/store/template/" + LocalStore.DATABASE_FILE;

    private StoreTemplate() {
    }

    /** The template this build carries, or null when the build skipped the step. */
    static URL shipped() {
        return StoreTemplate.class.getResource(RESOURCE);
    }

    /**
     * Writes {@code template} as the database file of {@code dir}, which has none. Returns false when there is no
     * template: the caller then creates the store with Flyway.
     */
    static boolean copyInto(Path dir, URL template) {
        if (template == null) {
            return false;
        }
        // written beside the target and moved into place, so that a crash mid-copy leaves no half file that the next
        // start would take for a store
        Path part = dir.resolve(LocalStore.DATABASE_FILE + ".part");
        try (InputStream in = template.openStream()) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, dir.resolve(LocalStore.DATABASE_FILE), StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "Cannot create the local store in " + dir + ": "
                    + e.getMessage() + ". Check the free space and the permissions of the data directory.", e);
        }
    }

    /**
     * The build step: migrates a new store with Flyway and writes it, compacted, as the template under the class
     * output directory given as the only argument.
     */
    public static void main(String[] args) throws IOException, SQLException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: StoreTemplate <class output directory>");
        }
        Path target = Path.of(args[0], RESOURCE.substring(1));
        Path work = Files.createTempDirectory("gatehouse-template");
        try {
            JdbcDataSource dataSource = new JdbcDataSource();
            // the same URL and empty credentials as the console's own store: H2 records the creating user in the file
            dataSource.setURL(LocalStore.jdbcUrl(work));
            dataSource.setUser("");
            dataSource.setPassword("");
            SchemaMigrator.migrate(dataSource, work);
            try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
            Files.createDirectories(target.getParent());
            Files.copy(work.resolve(LocalStore.DATABASE_FILE), target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
