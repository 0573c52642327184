package io.gatehouse.data.evidence;

import io.gatehouse.data.review.FourEyesPolicy;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Four-eyes is enabled: reversing a decline above a threshold needs a second person. A threshold of
 * {@link Long#MAX_VALUE} switches the rule off for that currency, and counts against the score.
 */
public final class FourEyesEvidence implements EvidenceProvider {
    static final String SOURCE = "Review settings";
    private final Supplier<FourEyesPolicy> policy;

    public FourEyesEvidence(Supplier<FourEyesPolicy> policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public String check() {
        return EvidenceChecks.FOUR_EYES_ENABLED;
    }

    @Override
    public Optional<Measurement> measure(Instant now) {
        FourEyesPolicy current = policy.get();
        if (current == null) {
            return Optional.empty();
        }
        long total = current.thresholds().size();
        long off = current.thresholds().values().stream().filter(v -> v == Long.MAX_VALUE).count();
        double score = total == 0 ? 1 : (double) (total - off) / total;
        String finding = off == 0
                ? "Four-eyes required for reversals above the threshold in " + total
                        + " currencies, and for every reversal in any other currency"
                : "Four-eyes switched off in " + off + " of " + total + " currencies";
        return Optional.of(new Measurement(check(), score, finding, SOURCE, now));
    }
}
