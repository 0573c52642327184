package io.gatehouse.app.cli;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.keys.token.PinSource;
import io.gatehouse.data.keys.token.TokenInfo;
import java.io.Console;
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
 * The PIN for the command line: the first line of an open file descriptor ({@code --pin-fd N},
 * read through {@code /dev/fd/N}), or else a prompt on the terminal without echo. Never an
 * argument, which other users can see in the process list. Every buffer that held the PIN is
 * overwritten; the caller wipes the returned array.
 */
final class PinReader implements PinSource {
    private static final int MAX_PIN_BYTES = 256;

    private final Integer fd;
    private final Console console;

    PinReader(Integer fd, Console console) {
        this.fd = fd;
        this.console = console;
    }

    /** Whether a PIN can be had at all: a descriptor was named, or there is a terminal to ask on. */
    boolean available() {
        return fd != null || (console != null && console.isTerminal());
    }

    @Override
    public char[] pinFor(TokenInfo token) {
        return fd != null ? fromDescriptor(fd) : fromTerminal(token);
    }

    private char[] fromTerminal(TokenInfo token) {
        char[] pin = console.readPassword("PIN for token '%s': ", token.label());
        if (pin == null || pin.length == 0) {
            throw new GatehouseException(FailureKind.PERMISSION, "No PIN was entered for token '" + token.label()
                    + "'. Enter it at the prompt, or pass it on a file descriptor with --pin-fd N.");
        }
        return pin;
    }

    private static char[] fromDescriptor(int fd) {
        Path source = Path.of("/dev/fd/" + fd);
        byte[] buffer = new byte[MAX_PIN_BYTES + 1];
        int length = 0;
        try (InputStream in = Files.newInputStream(source)) {
            int b;
            while (length < buffer.length && (b = in.read()) != -1 && b != '\n') {
                buffer[length++] = (byte) b;
            }
        } catch (IOException e) {
            throw new GatehouseException(FailureKind.CONFIGURATION, "Cannot read the PIN from file descriptor " + fd
                    + ". Open it for the command, for example: gatehouse keys list --pin-fd 3 3<pin-file.", e);
        }
        try {
            if (length > 0 && buffer[length - 1] == '\r') {
                length--;
            }
            if (length == 0 || length > MAX_PIN_BYTES) {
                throw new GatehouseException(FailureKind.CONFIGURATION, "File descriptor " + fd
                        + " gave " + (length == 0 ? "an empty PIN" : "a PIN longer than " + MAX_PIN_BYTES + " bytes")
                        + ". Put the PIN alone on the first line.");
            }
            return decode(buffer, length, fd);
        } finally {
            Arrays.fill(buffer, (byte) 0);
        }
    }

    private static char[] decode(byte[] bytes, int length, int fd) {
        CharBuffer chars = null;
        try {
            chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length));
            char[] pin = new char[chars.remaining()];
            chars.get(pin);
            return pin;
        } catch (CharacterCodingException e) {
            throw new GatehouseException(FailureKind.CONFIGURATION, "The PIN on file descriptor " + fd
                    + " is not UTF-8 text. Write it as plain text on the first line.", e);
        } finally {
            if (chars != null && chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }
}
