package io.gatehouse.data;

import java.util.Objects;

/**
 * A failure the user can act on. The message is one plain sentence that says what happened and
 * what to do; technical detail stays in the cause.
 */
public class GatehouseException extends RuntimeException {
    private final FailureKind kind;

    public GatehouseException(FailureKind kind, String message) {
        this(kind, message, null);
    }

    public GatehouseException(FailureKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public FailureKind kind() {
        return kind;
    }
}
