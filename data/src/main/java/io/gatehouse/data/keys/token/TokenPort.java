package io.gatehouse.data.keys.token;

import java.util.List;

/**
 * One token module (a PKCS#11 library) loaded in this process. Every method does blocking I/O to
 * the device: call it from a background thread, never from the FX thread. Failures are
 * {@link TokenException}s whose message tells the user what to do.
 */
public interface TokenPort {
    /** The library behind this port. */
    ModuleInfo module();

    /** Every slot of the module, with the token in it if there is one. */
    List<SlotInfo> listSlots();

    /**
     * Opens a read-write session on the token with this label and logs the user in. The PIN is
     * asked from {@code pin} only when the token needs a login, and wiped right after it.
     *
     * @throws TokenException {@code NO_SUCH_TOKEN} when no slot holds a token with this label,
     *     {@code WRONG_PIN}, {@code PIN_LOCKED}, {@code TOKEN_NOT_INITIALIZED}, ...
     */
    TokenSession openSession(String tokenLabel, PinSource pin);
}
