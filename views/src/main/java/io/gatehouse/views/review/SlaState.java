package io.gatehouse.views.review;

import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.ReviewCase;
import java.time.Duration;
import java.time.Instant;

/** Where a case in review stands against the service level: fine, near the limit, or late. */
public enum SlaState {
    /** Not waiting on an analyst: decided, or declined by the rules. */
    NONE, OK, NEAR, BREACHED;

    /** From three quarters of the target on, a case is near its limit. */
    static SlaState of(ReviewCase c, Instant now, Duration target) {
        if (c.created() == null || !CaseStatus.REVIEW.equals(c.status())) {
            return NONE;
        }
        Duration age = Duration.between(c.created(), now);
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        if (age.compareTo(target) >= 0) {
            return BREACHED;
        }
        return age.multipliedBy(4).compareTo(target.multipliedBy(3)) >= 0 ? NEAR : OK;
    }

    /**
     * Time left before the limit, negative once past it. A case stamped ahead of this console's clock
     * (the upstream's clock runs fast) counts as just arrived, never as having more than the target.
     */
    static Duration left(ReviewCase c, Instant now, Duration target) {
        if (c.created() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, c.created().plus(target));
        return left.compareTo(target) > 0 ? target : left;
    }
}
