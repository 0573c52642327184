package io.gatehouse.data.review;

import io.gatehouse.data.FailureKind;
import java.time.Instant;

/** Another analyst holds a live claim on the case. */
public final class CaseClaimedException extends FraudQueueException {
    private final String holder;
    private final Instant expiresAt;

    public CaseClaimedException(String caseId, String holder, Instant expiresAt) {
        super(FailureKind.UPSTREAM, "case-claimed", 409, "Case " + caseId + " is claimed by " + holder
                + (expiresAt == null ? "" : " until " + expiresAt)
                + ". Ask them to release it, or wait for the claim to expire.");
        this.holder = holder;
        this.expiresAt = expiresAt;
    }

    public String holder() {
        return holder;
    }

    /** When the lease runs out, or null when the upstream did not say. */
    public Instant expiresAt() {
        return expiresAt;
    }
}
