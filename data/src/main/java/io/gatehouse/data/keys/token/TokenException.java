package io.gatehouse.data.keys.token;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import java.util.Objects;

/**
 * A token operation failed. The message is one sentence that says what happened and what to do;
 * the device's own error code stays in the cause. No message ever contains a PIN.
 */
public final class TokenException extends GatehouseException {

    /** Why the token operation failed. */
    public enum Reason {
        /** The token refused the PIN. */
        WRONG_PIN(FailureKind.PERMISSION),
        /** Too many wrong PINs: the token refuses every login until the PIN is unblocked. */
        PIN_LOCKED(FailureKind.PERMISSION),
        /** The token went away during the operation. */
        TOKEN_REMOVED(FailureKind.UPSTREAM),
        /** The library file exists but is not a PKCS#11 module. */
        NOT_A_PKCS11_LIBRARY(FailureKind.UPSTREAM),
        /** The library file does not exist or cannot be read. */
        LIBRARY_MISSING(FailureKind.UPSTREAM),
        /** The slot holds a token that was never initialized, or whose user PIN was never set. */
        TOKEN_NOT_INITIALIZED(FailureKind.UPSTREAM),
        /** No slot of the module holds a token with the requested label, or no such key. */
        NO_SUCH_TOKEN(FailureKind.UPSTREAM),
        /** The device or its library failed. */
        DEVICE_ERROR(FailureKind.UPSTREAM),
        /** An object with the requested label or id is already on the token. */
        DUPLICATE_LABEL(FailureKind.UPSTREAM),
        /** The token does not support the algorithm, mechanism or attributes asked for. */
        UNSUPPORTED(FailureKind.UPSTREAM);

        private final FailureKind kind;

        Reason(FailureKind kind) {
            this.kind = kind;
        }

        /** The failure kind (and so the exit code) this reason maps to. */
        public FailureKind kind() {
            return kind;
        }
    }

    private final Reason reason;

    public TokenException(Reason reason, String message) {
        this(reason, message, null);
    }

    public TokenException(Reason reason, String message, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason").kind(), message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static TokenException wrongPin(String tokenLabel, Throwable cause) {
        return new TokenException(Reason.WRONG_PIN, "The PIN for token '" + tokenLabel
                + "' is wrong. Check it and try again; a few more wrong PINs will lock the token.", cause);
    }

    public static TokenException pinLocked(String tokenLabel, Throwable cause) {
        return new TokenException(Reason.PIN_LOCKED, "The user PIN of token '" + tokenLabel
                + "' is locked after too many wrong tries. Ask the security officer to unblock it with the SO PIN"
                + " (or the PUK), then try again.", cause);
    }

    public static TokenException tokenRemoved(String tokenLabel, Throwable cause) {
        return new TokenException(Reason.TOKEN_REMOVED, "Token '" + tokenLabel
                + "' was removed or stopped answering. Insert it again and repeat the operation.", cause);
    }

    public static TokenException notAPkcs11Library(String path, Throwable cause) {
        return new TokenException(Reason.NOT_A_PKCS11_LIBRARY, path
                + " is not a PKCS#11 module. Give the path of your token's PKCS#11 library, such as"
                + " /usr/lib/softhsm/libsofthsm2.so or /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so.", cause);
    }

    public static TokenException libraryMissing(String path, Throwable cause) {
        return new TokenException(Reason.LIBRARY_MISSING, "The PKCS#11 library " + path
                + " does not exist or cannot be read. Install the token's software or correct the --module path.",
                cause);
    }

    public static TokenException notInitialized(String where, Throwable cause) {
        return new TokenException(Reason.TOKEN_NOT_INITIALIZED, "The token in " + where
                + " is not initialized or has no user PIN. Initialize it with the vendor's tool"
                + " (for SoftHSM: softhsm2-util --init-token) and try again.", cause);
    }

    public static TokenException noSuchToken(String tokenLabel, String modulePath) {
        return new TokenException(Reason.NO_SUCH_TOKEN, "No token labelled '" + tokenLabel + "' is present in "
                + modulePath + ". Insert it, or run 'gatehouse keys tokens' to see the labels.");
    }

    public static TokenException noSuchKey(String keyLabel, String tokenLabel) {
        return new TokenException(Reason.NO_SUCH_TOKEN, "Token '" + tokenLabel + "' has no key labelled '" + keyLabel
                + "'. Run 'gatehouse keys list' to see its keys.");
    }

    public static TokenException deviceError(String what, Throwable cause) {
        return new TokenException(Reason.DEVICE_ERROR, "The token failed while " + what
                + ". Check that it is connected and working, then try again.", cause);
    }

    public static TokenException duplicate(String what, String tokenLabel) {
        return new TokenException(Reason.DUPLICATE_LABEL, "Token '" + tokenLabel + "' already holds an object with "
                + what + ". Choose another; labels and ids are unique on a token.");
    }

    public static TokenException unsupported(String what, Throwable cause) {
        return new TokenException(Reason.UNSUPPORTED, "The token does not support " + what
                + ". Use another algorithm or a token that supports it.", cause);
    }
}
