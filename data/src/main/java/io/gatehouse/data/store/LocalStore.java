package io.gatehouse.data.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The console's local H2 database: cache, outbox, audit chain and assessments.
 *
 * <p>All writes go through one writer thread, so the audit chain and the outbox are appended in
 * one order without lock contention. Reads use pooled connections on the caller's thread.
 *
 * <p>Group commit: writes that queue up while the writer is busy run one after another in a single
 * transaction, each inside a savepoint of its own, and are committed together; each caller's call returns
 * only after that commit. A write that fails is rolled back to its savepoint alone and fails alone. With
 * {@code WRITE_DELAY=0} a commit writes to the file, so when the outbox sender records eight answers at
 * once, one commit instead of eight is most of the difference.
 */
public final class LocalStore implements AutoCloseable {
    static final String DATABASE_NAME = "gatehouse";
    static final String DATABASE_FILE = DATABASE_NAME + ".mv.db";

    private final Path directory;
    private final DirectoryLock lock;
    private final JdbcConnectionPool pool;
    private static final int MAX_GROUP = 64;

    private final BlockingQueue<QueuedWrite<?>> writes = new LinkedBlockingQueue<>();
    private final Thread writerThread;
    private final Connection writerConnection;
    /** True while the writer runs a queued write: a write nested in it joins its transaction. */
    private boolean inWork;
    private volatile boolean closed;

    private LocalStore(Path directory, DirectoryLock lock, JdbcConnectionPool pool, Connection writerConnection) {
        this.directory = directory;
        this.lock = lock;
        this.pool = pool;
        this.writerConnection = writerConnection;
        this.writerThread = new Thread(this::writeLoop, "gatehouse-store-writer");
        writerThread.setDaemon(true);
        writerThread.start();
    }

    /** A write waiting for the writer thread, and the caller's future. A null work asks the writer to stop. */
    private record QueuedWrite<T>(SqlWork<T> work, CompletableFuture<T> done) {
        static final QueuedWrite<Void> STOP = new QueuedWrite<>(null, null);
    }

    /** Opens (creating and migrating when needed) the store in {@code dataDirectory}. */
    public static LocalStore open(Path dataDirectory) {
        return open(dataDirectory, StoreTemplate.shipped());
    }

    /** Opens the store in {@code dataDirectory}; a new one starts as a copy of {@code template} when there is one. */
    static LocalStore open(Path dataDirectory, URL template) {
        Path dir = DataDirectory.prepare(dataDirectory);
        DirectoryLock lock = DirectoryLock.acquire(dir);
        JdbcConnectionPool pool = null;
        try {
            boolean current = false;
            boolean fromTemplate = false;
            boolean sealed = CleanCloseSeal.consume(dir);
            if (Files.exists(dir.resolve(DATABASE_FILE))) {
                refuseForeignFile(dir.resolve(DATABASE_FILE));
                current = sealed || inspectReadOnly(dir);
            } else {
                // nothing to inspect in a file the build made: its history is checked once it is open
                fromTemplate = StoreTemplate.copyInto(dir, template);
            }
            pool = JdbcConnectionPool.create(jdbcUrl(dir), "", "");
            pool.setMaxConnections(8);
            Connection writerConnection = pool.getConnection();
            writerConnection.setAutoCommit(false);
            if (fromTemplate) {
                current = SchemaMigrator.isCurrent(writerConnection);
                writerConnection.rollback();
            }
            if (!current) {
                SchemaMigrator.migrate(pool, dir);
            }
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
    // stays untouched. Returns whether the schema is current, so that the writable open can skip migrating.
    private static boolean inspectReadOnly(Path dir) throws SQLException {
        org.h2.jdbcx.JdbcDataSource readOnly = new org.h2.jdbcx.JdbcDataSource();
        readOnly.setURL("jdbc:h2:file:" + dir.resolve(DATABASE_NAME) + ";ACCESS_MODE_DATA=r;DB_CLOSE_ON_EXIT=FALSE");
        try (Connection probe = readOnly.getConnection()) {
            if (SchemaMigrator.isCurrent(probe)) {
                return true;
            }
            SchemaMigrator.refuseNewerSchema(readOnly, dir);
            return false;
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
            if (inWork) {
                // part of the write that called it: committed, or rolled back, with that one
                try {
                    return work.run(writerConnection);
                } catch (SQLException e) {
                    throw H2Errors.toStoreException(directory, e);
                }
            }
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
        java.util.Objects.requireNonNull(work, "work");
        ensureOpen();
        CompletableFuture<T> done = new CompletableFuture<>();
        writes.add(new QueuedWrite<>(work, done));
        if (closed && writes.remove(new QueuedWrite<>(work, done))) {
            // closed while queuing, after the writer stopped reading the queue
            done.completeExceptionally(new StoreException(StoreException.Reason.IO, "The local store is closed.", null));
        }
        return done;
    }

    private void writeLoop() {
        List<QueuedWrite<?>> group = new ArrayList<>(MAX_GROUP);
        while (true) {
            group.clear();
            try {
                group.add(writes.take());
            } catch (InterruptedException e) {
                return;
            }
            writes.drainTo(group, MAX_GROUP - 1);
            int stop = indexOfStop(group);
            List<QueuedWrite<?>> run = stop < 0 ? group : group.subList(0, stop);
            if (run.size() == 1) {
                runAlone(run.getFirst());
            } else if (!run.isEmpty()) {
                runTogether(run);
            }
            if (stop >= 0) {
                return;
            }
        }
    }

    private static int indexOfStop(List<QueuedWrite<?>> group) {
        for (int i = 0; i < group.size(); i++) {
            if (group.get(i).work() == null) {
                return i;
            }
        }
        return -1;
    }

    private <T> void runAlone(QueuedWrite<T> write) {
        try {
            write.done().complete(runInTransaction(write.work()));
        } catch (RuntimeException | Error e) {
            write.done().completeExceptionally(e);
        }
    }

    /** Several queued writes, each in its own savepoint, one commit; results are handed out after it. */
    private void runTogether(List<QueuedWrite<?>> group) {
        Object[] results = new Object[group.size()];
        Throwable[] failures = new Throwable[group.size()];
        for (int i = 0; i < group.size(); i++) {
            Savepoint savepoint = null;
            try {
                savepoint = writerConnection.setSavepoint();
                results[i] = runWork(group.get(i).work());
                writerConnection.releaseSavepoint(savepoint);
            } catch (SQLException | RuntimeException | Error e) {
                failures[i] = e instanceof SQLException sql ? H2Errors.toStoreException(directory, sql) : e;
                if (!rollBackTo(savepoint)) {
                    failAll(group, failures, e);
                    return;
                }
            }
        }
        try {
            writerConnection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            failAll(group, failures, H2Errors.toStoreException(directory, e));
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            complete(group.get(i), results[i], failures[i]);
        }
    }

    private <T> T runWork(SqlWork<T> work) throws SQLException {
        inWork = true;
        try {
            return work.run(writerConnection);
        } finally {
            inWork = false;
        }
    }

    private boolean rollBackTo(Savepoint savepoint) {
        if (savepoint == null) {
            return false;
        }
        try {
            writerConnection.rollback(savepoint);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The whole transaction is lost: every write of the group fails, with its own failure if it had one. */
    private void failAll(List<QueuedWrite<?>> group, Throwable[] failures, Throwable cause) {
        rollbackQuietly();
        RuntimeException lost = cause instanceof RuntimeException r ? r
                : new StoreException(StoreException.Reason.IO, "The local store failed: " + cause.getMessage(), cause);
        for (int i = 0; i < group.size(); i++) {
            group.get(i).done().completeExceptionally(failures[i] != null ? failures[i] : lost);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(QueuedWrite<T> write, Object result, Throwable failure) {
        if (failure != null) {
            write.done().completeExceptionally(failure);
        } else {
            write.done().complete((T) result);
        }
    }

    private <T> T runInTransaction(SqlWork<T> work) {
        try {
            T result = runWork(work);
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
        // writes queued before this call still run and commit; the stop mark ends the loop after them
        writes.add(QueuedWrite.STOP);
        try {
            writerThread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writerThread.isAlive()) {
            writerThread.interrupt();
        }
        QueuedWrite<?> left;
        while ((left = writes.poll()) != null) {
            if (left.done() != null) {
                left.done().completeExceptionally(new StoreException(StoreException.Reason.IO,
                        "The local store is closed.", null));
            }
        }
        boolean writesEnded = !writerThread.isAlive();
        try {
            writerConnection.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
        // sealed only when every write ended and the history still holds exactly this build's migrations
        boolean sealable = writesEnded && schemaIsCurrent();
        if (disposeQuietly(pool) && sealable) {
            CleanCloseSeal.write(directory);
        }
        lock.close();
    }

    private boolean schemaIsCurrent() {
        try (Connection c = pool.getConnection()) {
            return SchemaMigrator.isCurrent(c);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Shuts the database down and releases the pool; returns whether H2 confirmed the shutdown. */
    private static boolean disposeQuietly(JdbcConnectionPool pool) {
        if (pool == null) {
            return false;
        }
        boolean shut = false;
        try {
            // Not closed afterwards: SHUTDOWN ends every session, and closing a pooled connection then rolls back
            // on a closed session, which fails and leaves that failure in H2's trace file at every close.
            pool.getConnection().createStatement().execute("SHUTDOWN");
            shut = true;
        } catch (SQLException ignored) {
            // the database may never have opened
        }
        pool.dispose();
        return shut;
    }
}
