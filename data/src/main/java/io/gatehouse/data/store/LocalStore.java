package io.gatehouse.data.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The console's local H2 database: cache, outbox, audit chain and assessments.
 *
 * <p>All writes go through one writer thread, so the audit chain and the outbox are appended in
 * one order without lock contention. Reads use pooled connections on the caller's thread.
 */
public final class LocalStore implements AutoCloseable {
    static final String DATABASE_NAME = "gatehouse";
    static final String DATABASE_FILE = DATABASE_NAME + ".mv.db";

    private final Path directory;
    private final DirectoryLock lock;
    private final JdbcConnectionPool pool;
    private final ExecutorService writer;
    private final Connection writerConnection;
    private volatile Thread writerThread;
    private volatile boolean closed;

    private LocalStore(Path directory, DirectoryLock lock, JdbcConnectionPool pool, Connection writerConnection) {
        this.directory = directory;
        this.lock = lock;
        this.pool = pool;
        this.writerConnection = writerConnection;
        this.writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gatehouse-store-writer");
            thread.setDaemon(true);
            writerThread = thread;
            return thread;
        });
    }

    /** Opens (creating and migrating when needed) the store in {@code dataDirectory}. */
    public static LocalStore open(Path dataDirectory) {
        Path dir = DataDirectory.prepare(dataDirectory);
        DirectoryLock lock = DirectoryLock.acquire(dir);
        JdbcConnectionPool pool = null;
        try {
            if (Files.exists(dir.resolve(DATABASE_FILE))) {
                refuseForeignFile(dir.resolve(DATABASE_FILE));
                inspectReadOnly(dir);
            }
            pool = JdbcConnectionPool.create(jdbcUrl(dir), "", "");
            pool.setMaxConnections(8);
            Connection writerConnection = pool.getConnection();
            writerConnection.setAutoCommit(false);
            SchemaMigrator.migrate(pool, dir);
            return new LocalStore(dir, lock, pool, writerConnection);
        } catch (SQLException e) {
            disposeQuietly(pool);
            lock.close();
            throw H2Errors.toStoreException(dir, e);
        } catch (RuntimeException e) {
            disposeQuietly(pool);
            lock.close();
            throw e;
        }
    }

    // WRITE_DELAY=0: H2 writes each commit to the file before the commit call returns, instead of
    // up to 500 ms later, so a decision or audit entry survives the console being killed right after.
    // DB_CLOSE_ON_EXIT=FALSE: the store closes itself in order; H2's own shutdown hook would race it.
    static String jdbcUrl(Path dir) {
        return "jdbc:h2:file:" + dir.resolve(DATABASE_NAME) + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    // Checks run on a read-only connection first: H2 then cannot write to a damaged file (it fails
    // with "read only" where it would have repaired or replaced it), and a refused newer schema
    // stays untouched.
    private static void inspectReadOnly(Path dir) throws SQLException {
        org.h2.jdbcx.JdbcDataSource readOnly = new org.h2.jdbcx.JdbcDataSource();
        readOnly.setURL("jdbc:h2:file:" + dir.resolve(DATABASE_NAME) + ";ACCESS_MODE_DATA=r;DB_CLOSE_ON_EXIT=FALSE");
        try (Connection probe = readOnly.getConnection()) {
            SchemaMigrator.refuseNewerSchema(readOnly, dir);
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_IS_READ_ONLY) {
                throw H2Errors.corrupt(dir, e);
            }
            throw e;
        }
    }

    // A file that is not an H2 store is never handed to H2, which might try to repair it in place.
    private static void refuseForeignFile(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(4);
            if (header.length > 0 && !(header.length >= 3 && header[0] == 'H' && header[1] == ':' && header[2] == '2')) {
                throw H2Errors.corrupt(file.getParent(), null);
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "Cannot read the database file " + file + ": "
                    + e.getMessage() + ".", e);
        }
    }

    /** Runs {@code work} in one transaction on the writer thread; returns once it is committed. */
    public <T> T write(SqlWork<T> work) {
        if (Thread.currentThread() == writerThread) {
            return runInTransaction(work);
        }
        try {
            return writeAsync(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(StoreException.Reason.IO, "The write was interrupted; it may or may not have been committed.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StoreException(StoreException.Reason.IO, "The local store failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Queues {@code work} for the writer thread; the future completes after the commit. */
    public <T> CompletableFuture<T> writeAsync(SqlWork<T> work) {
        ensureOpen();
        return CompletableFuture.supplyAsync(() -> runInTransaction(work), writer);
    }

    private <T> T runInTransaction(SqlWork<T> work) {
        try {
            T result = work.run(writerConnection);
            writerConnection.commit();
            return result;
        } catch (SQLException e) {
            rollbackQuietly();
            throw H2Errors.toStoreException(directory, e);
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    private void rollbackQuietly() {
        try {
            writerConnection.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    /** Runs read-only {@code work} on the calling thread with a pooled connection. */
    public <T> T read(SqlWork<T> work) {
        ensureOpen();
        try (Connection connection = pool.getConnection()) {
            connection.setReadOnly(true);
            return work.run(connection);
        } catch (SQLException e) {
            throw H2Errors.toStoreException(directory, e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** The database file, for checks that read it raw. */
    public Path databaseFile() {
        return directory.resolve(DATABASE_FILE);
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException(StoreException.Reason.IO, "The local store is closed.", null);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.shutdown();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            writerConnection.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
        disposeQuietly(pool);
        lock.close();
    }

    private static void disposeQuietly(JdbcConnectionPool pool) {
        if (pool == null) {
            return;
        }
        try (Connection connection = pool.getConnection()) {
            connection.createStatement().execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // the database may never have opened
        }
        pool.dispose();
    }
}
