package io.gatehouse.data.roi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the console measured since the programme started, for the rows it can measure.
 *
 * @param fraudLosses losses from chargebacks and fraud disputes; empty without a fraud queue
 * @param fraudSince  the oldest order the fraud queue still holds: losses before it cannot be seen, so the
 *                    baseline they are set against starts there too (empty: the whole programme is covered)
 * @param downtime    outage time from the incident log; empty without an incident log
 */
public record RoiMeasurements(Optional<Amount> fraudLosses, Optional<Instant> fraudSince, Optional<Duration> downtime) {
    public RoiMeasurements {
        Objects.requireNonNull(fraudLosses, "fraudLosses");
        Objects.requireNonNull(fraudSince, "fraudSince");
        Objects.requireNonNull(downtime, "downtime");
    }

    /** Measurements covering the whole programme. */
    public RoiMeasurements(Optional<Amount> fraudLosses, Optional<Duration> downtime) {
        this(fraudLosses, Optional.empty(), downtime);
    }

    public static RoiMeasurements none() {
        return new RoiMeasurements(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
