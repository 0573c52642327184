package io.gatehouse.views.dashboard;

import java.time.Duration;

/** How often the dashboards ask the telemetry source while shown. */
public enum RefreshInterval {
    SECONDS_5(Duration.ofSeconds(5)),
    SECONDS_15(Duration.ofSeconds(15)),
    SECONDS_30(Duration.ofSeconds(30)),
    MINUTE_1(Duration.ofMinutes(1)),
    MINUTES_5(Duration.ofMinutes(5));

    private final Duration every;

    RefreshInterval(Duration every) {
        this.every = every;
    }

    public Duration every() {
        return every;
    }
}
