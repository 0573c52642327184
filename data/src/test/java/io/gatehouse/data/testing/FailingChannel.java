package io.gatehouse.data.testing;

import io.gatehouse.data.files.ChannelOpener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;

/**
 * A real file channel that starts failing after a number of writes, the way a disk that fills up or turns
 * read-only does. Root ignores permissions, so these faults are injected rather than provoked.
 */
public final class FailingChannel extends FileChannel {
    /** What the channel throws once its writes run out. */
    public enum Fault {
        ACCESS_DENIED,
        DISK_FULL
    }

    private final FileChannel delegate;
    private final Path path;
    private final Fault fault;
    private int writesLeft;

    private FailingChannel(FileChannel delegate, Path path, Fault fault, int writesBeforeFailure) {
        this.delegate = delegate;
        this.path = path;
        this.fault = fault;
        this.writesLeft = writesBeforeFailure;
    }

    /** An opener whose channels fail at write number {@code writesBeforeFailure + 1}. */
    public static ChannelOpener opener(Fault fault, int writesBeforeFailure) {
        return path -> new FailingChannel(ChannelOpener.FILE_SYSTEM.open(path), path, fault, writesBeforeFailure);
    }

    private void maybeFail() throws IOException {
        if (writesLeft-- > 0) {
            return;
        }
        throw switch (fault) {
            case ACCESS_DENIED -> new AccessDeniedException(path.toString());
            case DISK_FULL -> new IOException("No space left on device");
        };
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        maybeFail();
        return delegate.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        maybeFail();
        return delegate.write(srcs, offset, length);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        maybeFail();
        return delegate.write(src, position);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return delegate.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return delegate.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return delegate.read(dst, position);
    }

    @Override
    public long position() throws IOException {
        return delegate.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        delegate.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return delegate.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        delegate.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        delegate.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return delegate.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        maybeFail();
        return delegate.transferFrom(src, position, count);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return delegate.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return delegate.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return delegate.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        delegate.close();
    }
}
