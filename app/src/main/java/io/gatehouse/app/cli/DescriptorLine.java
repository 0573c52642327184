package io.gatehouse.app.cli;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a secret (a PIN, a passphrase, an API key) as the first line of an open file descriptor,
 * through {@code /dev/fd/N}: never from an argument, which other users see in the process list.
 * Every buffer that held it is overwritten; the caller wipes the returned array.
 */
final class DescriptorLine {
    private DescriptorLine() {
    }

    static char[] read(int fd, String what, int maxBytes, String example) {
        byte[] buffer = new byte[maxBytes + 1];
        int length = 0;
        try (InputStream in = Files.newInputStream(Path.of("/dev/fd/" + fd))) {
            int b;
            while (length < buffer.length && (b = in.read()) != -1 && b != '\n') {
                buffer[length++] = (byte) b;
            }
        } catch (IOException e) {
            throw new GatehouseException(FailureKind.CONFIGURATION, "Cannot read the " + what + " from file descriptor "
                    + fd + ". Open it for the command, for example: " + example + ".", e);
        }
        try {
            if (length > 0 && buffer[length - 1] == '\r') {
                length--;
            }
            if (length == 0 || length > maxBytes) {
                throw new GatehouseException(FailureKind.CONFIGURATION, "File descriptor " + fd + " gave "
                        + (length == 0 ? "an empty " + what : "a " + what + " longer than " + maxBytes + " bytes")
                        + ". Put it alone on the first line.");
            }
            return decode(buffer, length, fd, what);
        } finally {
            Arrays.fill(buffer, (byte) 0);
        }
    }

    private static char[] decode(byte[] bytes, int length, int fd, String what) {
        CharBuffer chars = null;
        try {
            chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length));
            char[] value = new char[chars.remaining()];
            chars.get(value);
            return value;
        } catch (CharacterCodingException e) {
            throw new GatehouseException(FailureKind.CONFIGURATION, "The " + what + " on file descriptor " + fd
                    + " is not UTF-8 text. Write it as plain text on the first line.", e);
        } finally {
            if (chars != null && chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }
}
