package io.gatehouse.app.cli;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.keys.token.PinSource;
import io.gatehouse.data.keys.token.TokenInfo;
import java.io.Console;

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
        return DescriptorLine.read(fd, "PIN", MAX_PIN_BYTES, "gatehouse keys list --pin-fd 3 3<pin-file");
    }
}
