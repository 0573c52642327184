package io.gatehouse.data.incidents;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How fast incidents in a period were detected, contained and recovered, measured from their timestamps.
 * A mean is empty when no incident in the period reached that stage: "no incidents yet" is not "instant".
 *
 * @param incidents         incidents that started in the period
 * @param meanTimeToDetect  mean of (detected - started)
 * @param meanTimeToContain mean of (contained - detected)
 * @param meanTimeToRecover mean of (recovered - detected)
 * @param downtime          total time checkouts were impaired: sum of (recovered, or the period's end, - started)
 *                          over incidents marked as outages
 */
public record ResponseTimes(
        int incidents,
        Optional<Duration> meanTimeToDetect,
        Optional<Duration> meanTimeToContain,
        Optional<Duration> meanTimeToRecover,
        Duration downtime) {

    public ResponseTimes {
        if (incidents < 0) {
            throw new IllegalArgumentException("incidents must not be negative");
        }
        Objects.requireNonNull(meanTimeToDetect, "meanTimeToDetect");
        Objects.requireNonNull(meanTimeToContain, "meanTimeToContain");
        Objects.requireNonNull(meanTimeToRecover, "meanTimeToRecover");
        Objects.requireNonNull(downtime, "downtime");
    }

    /** A period with no incidents at all. */
    public static ResponseTimes none() {
        return new ResponseTimes(0, Optional.empty(), Optional.empty(), Optional.empty(), Duration.ZERO);
    }
}
