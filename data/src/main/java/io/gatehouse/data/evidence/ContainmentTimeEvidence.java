package io.gatehouse.data.evidence;

import io.gatehouse.data.incidents.ResponseTimes;
import io.gatehouse.data.incidents.ResponseTimesSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Mean time to contain under a target over the last quarter. The score is target / measured, capped
 * at 1, so a team twice as slow as the target scores one half. No incidents is no data, not a pass.
 */
public final class ContainmentTimeEvidence implements EvidenceProvider {
    static final Duration WINDOW = Duration.ofDays(90);
    static final String SOURCE = "Incident log";
    private final ResponseTimesSource incidents;
    private final Duration target;

    public ContainmentTimeEvidence(ResponseTimesSource incidents, Duration target) {
        this.incidents = Objects.requireNonNull(incidents, "incidents");
        this.target = Objects.requireNonNull(target, "target");
        if (target.isNegative() || target.isZero()) {
            throw new IllegalArgumentException("the containment target must be positive");
        }
    }

    @Override
    public String check() {
        return EvidenceChecks.CONTAINMENT_TIME;
    }

    @Override
    public Optional<Measurement> measure(Instant now) {
        ResponseTimes times = incidents.between(now.minus(WINDOW), now);
        if (times.meanTimeToContain().isEmpty()) {
            return Optional.empty();
        }
        Duration mean = times.meanTimeToContain().get();
        double score = mean.isZero() ? 1 : Math.min(1, (double) target.toMillis() / mean.toMillis());
        String finding = "Mean time to contain " + minutes(mean) + " over " + times.incidents()
                + " incidents in " + WINDOW.toDays() + " days (target under " + minutes(target) + ")";
        return Optional.of(new Measurement(check(), score, finding, SOURCE, now));
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return m >= 120 ? (m / 60) + " h " + (m % 60) + " min" : m + " min";
    }
}
