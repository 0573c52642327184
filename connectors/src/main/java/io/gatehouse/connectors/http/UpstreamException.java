package io.gatehouse.connectors.http;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;

/**
 * An upstream call failed. The message says what happened and what to do; it never contains a
 * credential, a request body or a response body.
 */
public final class UpstreamException extends GatehouseException {
    /** The failure's kind, for callers that react differently (a 409 is not a 503). */
    public enum Reason {
        INSECURE_URL, TLS, UNREACHABLE, TIMEOUT, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, REJECTED,
        RATE_LIMITED, SERVER_ERROR, TOO_LARGE, MALFORMED_RESPONSE, UNEXPECTED_STATUS
    }

    private final Reason reason;
    private final int status;
    private final java.time.Duration retryAfter;
    private final io.gatehouse.data.connections.CheckOutcome outcome;

    public UpstreamException(Reason reason, int status, String message, Throwable cause) {
        this(reason, status, message, cause, null);
    }

    public UpstreamException(Reason reason, int status, String message, Throwable cause, java.time.Duration retryAfter) {
        this(reason, status, message, cause, retryAfter, null);
    }

    /** A TLS failure whose precise kind is known, for the Connections area's sentence. */
    UpstreamException(String message, Throwable cause, io.gatehouse.data.connections.CheckOutcome outcome) {
        this(Reason.TLS, 0, message, cause, null, outcome);
    }

    private UpstreamException(Reason reason, int status, String message, Throwable cause, java.time.Duration retryAfter,
            io.gatehouse.data.connections.CheckOutcome outcome) {
        super(reason == Reason.UNAUTHORIZED || reason == Reason.FORBIDDEN ? FailureKind.PERMISSION : FailureKind.UPSTREAM,
                message, cause);
        this.reason = reason;
        this.status = status;
        this.retryAfter = retryAfter;
        this.outcome = outcome != null ? outcome : switch (reason) {
            case TLS, INSECURE_URL -> io.gatehouse.data.connections.CheckOutcome.TLS_FAILED;
            case UNREACHABLE -> io.gatehouse.data.connections.CheckOutcome.UNREACHABLE;
            case TIMEOUT -> io.gatehouse.data.connections.CheckOutcome.TIMED_OUT;
            default -> io.gatehouse.data.connections.CheckOutcome.HTTP_ERROR;
        };
    }

    /** Which failure the Connections area names for this one. */
    public io.gatehouse.data.connections.CheckOutcome outcome() {
        return outcome;
    }

    /** How long the upstream asked the console to wait, when it said; else null. */
    public java.time.Duration retryAfter() {
        return retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** True for failures that may pass: the network, timeouts, 429 and 5xx. */
    public boolean retryable() {
        return switch (reason) {
            case UNREACHABLE, TIMEOUT, RATE_LIMITED, SERVER_ERROR -> true;
            default -> false;
        };
    }
}
