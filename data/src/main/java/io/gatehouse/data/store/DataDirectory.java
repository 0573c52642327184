package io.gatehouse.data.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Creates the data directory owner-only, and refuses one that other users can write to. */
final class DataDirectory {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private DataDirectory() {
    }

    static Path prepare(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            if (Files.notExists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                if (POSIX) {
                    Files.createDirectories(absolute,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(absolute);
                }
            }
            if (!Files.isDirectory(absolute)) {
                throw new StoreException(StoreException.Reason.IO,
                        "The data directory " + absolute + " is not a directory. Point --data-dir at a directory.", null);
            }
            refuseIfOthersMayWrite(absolute);
            return absolute;
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "Cannot create the data directory " + absolute
                    + ": " + e.getMessage() + ". Check the path and its permissions.", e);
        }
    }

    // Another local user who can write here could replace the database or the lock file, and with
    // them the audit chain; so the console refuses rather than trusting it.
    private static void refuseIfOthersMayWrite(Path dir) throws IOException {
        if (!POSIX) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
        if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new StoreException(StoreException.Reason.INSECURE_DIRECTORY, "The data directory " + dir
                    + " can be written by other users (" + PosixFilePermissions.toString(permissions)
                    + "). Run: chmod 700 " + dir + " and start again.", null);
        }
    }
}
