package io.gatehouse.data.config;

import io.gatehouse.data.review.FourEyesPolicy;
import io.gatehouse.data.review.ReviewRules;
import java.time.Duration;
import java.util.Map;

/**
 * The review desk's rules as configured: the undo window in minutes, per currency the amount in
 * minor units above which a reversal needs a second person, and the fraud queue's source
 * ({@code caseApi}, {@code stripe} or {@code sandbox}), and the service level a case in review should be
 * decided within. Each may be left out for the default.
 */
public record ReviewSettings(Integer undoMinutes, Map<String, Long> fourEyesThresholds, String source,
        Integer slaMinutes) {
    static final int MAX_UNDO_MINUTES = 24 * 60;
    static final int MAX_SLA_MINUTES = 7 * 24 * 60;

    public ReviewSettings {
        fourEyesThresholds = fourEyesThresholds == null ? null : Map.copyOf(fourEyesThresholds);
    }

    /** Settings that leave the fraud queue's source to the profile. */
    public ReviewSettings(Integer undoMinutes, Map<String, Long> fourEyesThresholds) {
        this(undoMinutes, fourEyesThresholds, null, null);
    }

    /** Settings with a source and the default service level. */
    public ReviewSettings(Integer undoMinutes, Map<String, Long> fourEyesThresholds, String source) {
        this(undoMinutes, fourEyesThresholds, source, null);
    }

    /** The configured source; null when the profile decides (checked valid at load). */
    public ReviewSource reviewSource() {
        return source == null ? null : ReviewSource.fromConfig(source).orElse(null);
    }

    /** The rules these settings give, falling back to {@link ReviewRules#defaults()} part by part. */
    public ReviewRules toRules() {
        ReviewRules defaults = ReviewRules.defaults();
        return new ReviewRules(fourEyesThresholds == null ? defaults.fourEyes() : new FourEyesPolicy(fourEyesThresholds),
                undoMinutes == null ? defaults.undoWindow() : Duration.ofMinutes(undoMinutes),
                slaMinutes == null ? defaults.slaTarget() : Duration.ofMinutes(slaMinutes));
    }
}
