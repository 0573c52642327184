package io.gatehouse.data.review;

import io.gatehouse.data.FailureKind;

/** Another decision already stands on the case; it is carried so the analyst sees it. */
public final class CaseAlreadyDecidedException extends FraudQueueException {
    private final CaseDecision standing;

    public CaseAlreadyDecidedException(String problem, String message, CaseDecision standing) {
        super(FailureKind.UPSTREAM, problem, 409, message);
        this.standing = standing;
    }

    /** The decision that stands, or null when the upstream did not say. */
    public CaseDecision standing() {
        return standing;
    }
}
