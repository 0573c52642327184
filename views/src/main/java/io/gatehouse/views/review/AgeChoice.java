package io.gatehouse.views.review;

import java.time.Duration;

/** The queue's age filter: cases waiting at least this long. */
public enum AgeChoice {
    ANY(null), FIFTEEN_MINUTES(Duration.ofMinutes(15)), ONE_HOUR(Duration.ofHours(1)), FOUR_HOURS(Duration.ofHours(4)),
    ONE_DAY(Duration.ofDays(1));

    private final Duration atLeast;

    AgeChoice(Duration atLeast) {
        this.atLeast = atLeast;
    }

    /** The least age a listed case has; null for any. */
    public Duration atLeast() {
        return atLeast;
    }
}
