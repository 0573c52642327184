package io.gatehouse.data.store;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;

/** The local store cannot be opened or used; the data on disk is left as it was. */
public final class StoreException extends GatehouseException {
    /** Why the store failed, so the user gets the right advice. */
    public enum Reason { NEWER_SCHEMA, CORRUPT, LOCKED, INSECURE_DIRECTORY, IO }

    private final Reason reason;

    public StoreException(Reason reason, String message, Throwable cause) {
        super(FailureKind.LOCAL_STORE, message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
