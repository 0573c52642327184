package io.gatehouse.data.friction;

import io.gatehouse.data.review.CaseDecision;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.ReviewCase;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The reversal share of client impact, from the fraud queue: of the declines an analyst reviewed
 * (reversed or upheld), how many were reversed. Each case counts once, by its latest such decision.
 */
public final class ReviewReversals {
    private ReviewReversals() {
    }

    public static Ratio of(Collection<ReviewCase> cases) {
        Set<String> seen = new HashSet<>();
        int reviewed = 0;
        int reversed = 0;
        for (ReviewCase c : cases) {
            if (!seen.add(c.id())) {
                continue;
            }
            DecisionAction last = null;
            for (CaseDecision d : c.decisions()) {
                if (d.action().equals(DecisionAction.REVERSE_DECLINE) || d.action().equals(DecisionAction.DECLINE)) {
                    last = d.action();
                }
            }
            if (last != null) {
                reviewed++;
                if (last.equals(DecisionAction.REVERSE_DECLINE)) {
                    reversed++;
                }
            }
        }
        return Ratio.of(reversed, reviewed);
    }
}
