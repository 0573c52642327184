package io.gatehouse.data.files;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes a file so that a reader sees either the old content or the complete new one: the bytes go to a
 * hidden temporary file beside the target, are forced to disk, and only then renamed over it. Any failure
 * (permissions, a full disk, a failing body) removes the temporary file and leaves the target untouched.
 */
public final class SafeFileWriter {
    private final ChannelOpener opener;

    public SafeFileWriter() {
        this(ChannelOpener.FILE_SYSTEM);
    }

    public SafeFileWriter(ChannelOpener opener) {
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    /** Writes {@code bytes} to {@code target}. */
    public void write(Path target, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes what {@code body} produces to {@code target}.
     *
     * @throws ExportFailedException with a sentence saying what went wrong and what to do
     */
    public void write(Path target, FileBody body) {
        Objects.requireNonNull(body, "body");
        Path absolute = Objects.requireNonNull(target, "target").toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            if (dir == null || !Files.isDirectory(dir)) {
                throw new NoSuchFileException(String.valueOf(dir));
            }
            if (Files.isDirectory(absolute)) {
                throw new ExportFailedException(absolute, absolute + " is a folder; choose a file name.", null);
            }
            temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".part");
            try (FileChannel channel = opener.open(temp);
                    OutputStream out = Channels.newOutputStream(channel)) {
                body.writeTo(new UnclosableOutputStream(out));
                out.flush();
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException e) {
            throw new ExportFailedException(absolute, explain(absolute, e), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The original failure is the one worth reporting; a stray hidden .part file is harmless.
                }
            }
        }
    }

    /** One sentence for the operator: what failed and what to do about it. */
    static String explain(Path target, IOException e) {
        String detail = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (e instanceof AccessDeniedException) {
            return "Cannot write " + target + ": permission denied. Choose a folder you can write to.";
        }
        if (e instanceof NoSuchFileException) {
            return "Cannot write " + target + ": the folder does not exist. Choose an existing folder.";
        }
        if (detail.contains("no space left") || detail.contains("disk full") || detail.contains("quota")) {
            return "Cannot write " + target + ": the disk is full. Free some space or choose another disk;"
                    + " nothing was written.";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null
                && fse.getReason().toLowerCase(Locale.ROOT).contains("read-only")) {
            return "Cannot write " + target + ": the file system is read-only. Choose another folder.";
        }
        return "Cannot write " + target + ": " + e.getMessage() + ". Nothing was written.";
    }

    /** Keeps a body from closing the channel before it has been forced to disk. */
    private static final class UnclosableOutputStream extends FilterOutputStream {
        UnclosableOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
