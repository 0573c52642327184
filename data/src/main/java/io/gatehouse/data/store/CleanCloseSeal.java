package io.gatehouse.data.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * What a clean close leaves beside the database file: the schema it had, and the file's size, time and ends.
 *
 * <p>An open normally inspects the file on a read-only connection first (see {@link LocalStore}), so that H2 never
 * repairs a damaged file in place nor writes into a newer schema. That second open of H2 cost about a fifth of a
 * second of every start. When the file is exactly as this build's own clean close left it, the inspection can only
 * repeat what the close established, and is skipped. The seal is removed before the store opens for writing, so a
 * crash while open leaves none; a file that anything else touched no longer matches it; a newer or older console
 * seals other schema versions. In each of those cases the read-only inspection runs as before.
 */
final class CleanCloseSeal {
    static final String FILE = LocalStore.DATABASE_NAME + ".closed";
    // the MVStore keeps its file headers at the start and the last chunk's footer at the end
    private static final int END_BYTES = 4096;

    private CleanCloseSeal() {
    }

    /** Records the closed database file of {@code dir}. A seal that cannot be written only costs the next open time. */
    static void write(Path dir) {
        Path part = dir.resolve(FILE + ".part");
        try {
            Properties seal = describe(dir);
            try (OutputStream out = Files.newOutputStream(part)) {
                seal.store(out, null);
            }
            Files.move(part, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the next open ignores a part file
            }
        }
    }

    /**
     * Removes the seal of {@code dir} and returns whether it matched the database file as it is now. False when there
     * is none, when it describes other schema versions or another file, or when it cannot be read or removed.
     */
    static boolean consume(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return false;
        }
        try {
            Properties seal = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                seal.load(in);
            }
            // removed before it is trusted: if it stayed, a crash in this session could leave it beside a changed file
            Files.delete(file);
            return seal.equals(describe(dir));
        } catch (IOException | IllegalArgumentException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                return false;
            }
            return false;
        }
    }

    private static Properties describe(Path dir) throws IOException {
        Path database = dir.resolve(LocalStore.DATABASE_FILE);
        BasicFileAttributes attributes = Files.readAttributes(database, BasicFileAttributes.class);
        Properties seal = new Properties();
        seal.setProperty("schema", String.join(",", SchemaMigrator.VERSIONS));
        seal.setProperty("size", Long.toString(attributes.size()));
        seal.setProperty("modified", attributes.lastModifiedTime().toString());
        seal.setProperty("ends", endsDigest(database, attributes.size()));
        return seal;
    }

    private static String endsDigest(Path database, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(database, StandardOpenOption.READ)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(END_BYTES, size));
            readFully(channel, buffer, 0);
            sha.update(buffer.flip());
            buffer.clear();
            readFully(channel, buffer, size - buffer.capacity());
            sha.update(buffer.flip());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("the database file ended early");
            }
        }
    }
}
