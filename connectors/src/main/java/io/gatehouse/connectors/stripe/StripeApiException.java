package io.gatehouse.connectors.stripe;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.review.FraudQueueException;
import java.time.Duration;

/**
 * Stripe refused a request and said why in its error envelope. {@link #problem()} is Stripe's
 * error {@code code} (or its {@code type} when there is no code); callers branch on it, the
 * message is for people and never holds the API key.
 */
public final class StripeApiException extends FraudQueueException {
    private final String type;
    private final String declineCode;
    private final String param;
    private final Duration retryAfter;

    StripeApiException(int status, StripeError error, String message, Duration retryAfter) {
        super(status == 401 || status == 403 ? FailureKind.PERMISSION : FailureKind.UPSTREAM,
                error.code() != null ? error.code() : error.type(), status, message);
        this.type = error.type();
        this.declineCode = error.declineCode();
        this.param = error.param();
        this.retryAfter = retryAfter;
    }

    /** Stripe's error type, such as {@code card_error}, {@code invalid_request_error} or {@code idempotency_error}. */
    public String type() {
        return type;
    }

    public String declineCode() {
        return declineCode;
    }

    public String param() {
        return param;
    }

    /** How long Stripe asked the console to wait, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /**
     * True for failures that pass on their own: rate limits, Stripe's own errors, and a request
     * still running under the same idempotency key (409).
     */
    public boolean retryable() {
        return status() == 429 || status() >= 500 || status() == 409;
    }

    /** True when Stripe saw the idempotency key reused with different parameters. */
    public boolean idempotencyMismatch() {
        return "idempotency_error".equals(type) && status() != 409;
    }
}
