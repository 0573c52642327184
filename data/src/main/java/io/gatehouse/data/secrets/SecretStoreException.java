package io.gatehouse.data.secrets;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import java.util.Objects;

/**
 * A secret store could not be opened, read or written. The message never contains a secret or a
 * passphrase.
 */
public final class SecretStoreException extends GatehouseException {

    /** Why the store failed. */
    public enum Reason {
        /** The passphrase does not unlock the store. */
        WRONG_PASSPHRASE(FailureKind.PERMISSION),
        /** The store file is damaged, was altered, or has a format this version cannot read. */
        CORRUPT(FailureKind.LOCAL_STORE),
        /** The store file could not be read or written. */
        IO(FailureKind.LOCAL_STORE);

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

    public SecretStoreException(Reason reason, String message) {
        this(reason, message, null);
    }

    public SecretStoreException(Reason reason, String message, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason").kind(), message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
