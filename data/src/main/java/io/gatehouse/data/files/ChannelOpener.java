package io.gatehouse.data.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens the channel an export writes through. Production uses the file system; tests substitute a
 * channel that fails the way a full or read-only disk does, which running as root cannot produce.
 */
@FunctionalInterface
public interface ChannelOpener {
    ChannelOpener FILE_SYSTEM = path -> FileChannel.open(path, StandardOpenOption.WRITE);

    FileChannel open(Path path) throws IOException;
}
