package io.gatehouse.views.dashboard;

import java.time.Duration;

/** How far back the sparklines reach; each range is drawn with about 60 points. */
public enum TimeRange {
    MINUTES_15(Duration.ofMinutes(15)),
    HOUR_1(Duration.ofHours(1)),
    HOURS_6(Duration.ofHours(6)),
    HOURS_24(Duration.ofHours(24)),
    DAYS_7(Duration.ofDays(7));

    /** Points per sparkline: enough for a shape, few enough for a 1-minute step over an hour. */
    public static final int POINTS = 60;

    private final Duration span;

    TimeRange(Duration span) {
        this.span = span;
    }

    public Duration span() {
        return span;
    }

    /** The range query's step: the span over {@link #POINTS}, at least 15 s (a scrape interval). */
    public Duration step() {
        Duration step = span.dividedBy(POINTS);
        return step.compareTo(Duration.ofSeconds(15)) < 0 ? Duration.ofSeconds(15) : step;
    }
}
