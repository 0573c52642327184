package io.gatehouse.data.keys.token;

/**
 * Supplies the user PIN for a token when a login needs it, on the thread that needs it (a dialog
 * in the console, the terminal or a file descriptor on the command line). The PIN is never stored:
 * the caller overwrites the returned array as soon as the login is done, whatever its outcome.
 */
@FunctionalInterface
public interface PinSource {
    /**
     * The PIN for this token, as a fresh array the caller owns and wipes.
     *
     * @throws io.gatehouse.data.GatehouseException when no PIN can be had (the user cancelled)
     */
    char[] pinFor(TokenInfo token);
}
