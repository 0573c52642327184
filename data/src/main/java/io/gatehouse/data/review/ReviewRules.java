package io.gatehouse.data.review;

import java.time.Duration;
import java.util.Objects;

/** The desk's configurable rules: when a reversal needs a second person, and how long undo stays open. */
public record ReviewRules(FourEyesPolicy fourEyes, Duration undoWindow) {
    public ReviewRules {
        Objects.requireNonNull(fourEyes, "fourEyes");
        Objects.requireNonNull(undoWindow, "undoWindow");
        if (undoWindow.isNegative()) {
            throw new IllegalArgumentException("the undo window cannot be negative");
        }
    }

    /** The default thresholds, and the 15-minute undo window the Case API itself allows. */
    public static ReviewRules defaults() {
        return new ReviewRules(FourEyesPolicy.defaults(), Duration.ofMinutes(15));
    }
}
