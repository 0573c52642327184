package io.gatehouse.data.telemetry;

import java.time.Instant;
import java.util.Objects;

/** One value of one KPI series at one instant, as a source reported it (it may be NaN or infinite). */
public record KpiSample(SeriesKey key, Instant at, double value) {
    public KpiSample {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
    }
}
