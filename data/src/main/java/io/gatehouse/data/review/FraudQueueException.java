package io.gatehouse.data.review;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;

/**
 * The fraud queue refused a request and said why. {@code problem} is the stable problem type
 * (for example {@code not-found}); callers branch on it, never on the message.
 */
public class FraudQueueException extends GatehouseException {
    private final String problem;
    private final int status;

    public FraudQueueException(FailureKind kind, String problem, int status, String message) {
        super(kind, message);
        this.problem = problem;
        this.status = status;
    }

    public String problem() {
        return problem;
    }

    public int status() {
        return status;
    }
}
