package io.gatehouse.data.config;

import io.gatehouse.data.review.FourEyesPolicy;
import io.gatehouse.data.review.ReviewRules;
import java.time.Duration;
import java.util.Map;

/**
 * The review desk's rules as configured: the undo window in minutes, and per currency the amount
 * in minor units above which a reversal needs a second person. Either may be left out for the default.
 */
public record ReviewSettings(Integer undoMinutes, Map<String, Long> fourEyesThresholds) {
    static final int MAX_UNDO_MINUTES = 24 * 60;

    public ReviewSettings {
        fourEyesThresholds = fourEyesThresholds == null ? null : Map.copyOf(fourEyesThresholds);
    }

    /** The rules these settings give, falling back to {@link ReviewRules#defaults()} part by part. */
    public ReviewRules toRules() {
        ReviewRules defaults = ReviewRules.defaults();
        return new ReviewRules(fourEyesThresholds == null ? defaults.fourEyes() : new FourEyesPolicy(fourEyesThresholds),
                undoMinutes == null ? defaults.undoWindow() : Duration.ofMinutes(undoMinutes));
    }
}
