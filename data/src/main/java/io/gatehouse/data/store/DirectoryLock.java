package io.gatehouse.data.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on the data directory. H2 locks its own file too, but only across processes;
 * this lock also stops a second store in the same process and gives one clear message for both.
 */
final class DirectoryLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DirectoryLock acquire(Path dir) {
        Path file = dir.resolve("gatehouse.lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw locked(dir, null);
            }
            return new DirectoryLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw locked(dir, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException(StoreException.Reason.IO, "Cannot lock the data directory " + dir + ": "
                    + e.getMessage() + ".", e);
        }
    }

    static StoreException locked(Path dir, Throwable cause) {
        return new StoreException(StoreException.Reason.LOCKED, "Another Gatehouse console is using the data directory "
                + dir + ". Close it first, or start this one with a different --data-dir.", cause);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the first error is the one reported
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the OS drops the lock with the process anyway
        }
    }
}
