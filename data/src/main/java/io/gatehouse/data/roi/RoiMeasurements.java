package io.gatehouse.data.roi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the console measured since the programme started, for the rows it can measure.
 *
 * @param fraudLosses losses from chargebacks and fraud disputes; empty without a fraud queue
 * @param downtime    outage time from the incident log; empty without an incident log
 */
public record RoiMeasurements(Optional<Amount> fraudLosses, Optional<Duration> downtime) {
    public RoiMeasurements {
        Objects.requireNonNull(fraudLosses, "fraudLosses");
        Objects.requireNonNull(downtime, "downtime");
    }

    public static RoiMeasurements none() {
        return new RoiMeasurements(Optional.empty(), Optional.empty());
    }
}
