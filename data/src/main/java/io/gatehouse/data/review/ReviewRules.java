package io.gatehouse.data.review;

import java.time.Duration;
import java.util.Objects;

/**
 * The desk's configurable rules: when a reversal needs a second person, how long undo stays open,
 * and the service level: how long a case may wait in review before it is late.
 */
public record ReviewRules(FourEyesPolicy fourEyes, Duration undoWindow, Duration slaTarget) {
    /** Thirty minutes: long enough to look at the evidence, short enough that a customer still waits. */
    public static final Duration DEFAULT_SLA = Duration.ofMinutes(30);

    public ReviewRules {
        Objects.requireNonNull(fourEyes, "fourEyes");
        Objects.requireNonNull(undoWindow, "undoWindow");
        Objects.requireNonNull(slaTarget, "slaTarget");
        if (undoWindow.isNegative()) {
            throw new IllegalArgumentException("the undo window cannot be negative");
        }
        if (slaTarget.isNegative() || slaTarget.isZero()) {
            throw new IllegalArgumentException("the service level must be a positive duration");
        }
    }

    /** Rules with the default service level. */
    public ReviewRules(FourEyesPolicy fourEyes, Duration undoWindow) {
        this(fourEyes, undoWindow, DEFAULT_SLA);
    }

    /** The default thresholds, the 15-minute undo window the Case API itself allows, and a 30-minute service level. */
    public static ReviewRules defaults() {
        return new ReviewRules(FourEyesPolicy.defaults(), Duration.ofMinutes(15), DEFAULT_SLA);
    }
}
