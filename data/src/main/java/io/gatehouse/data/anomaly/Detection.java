package io.gatehouse.data.anomaly;

import java.time.Instant;
import java.util.Objects;

/**
 * What the detector concluded about one series at one observation.
 *
 * @param since      the first anomalous observation of this run: when the anomaly started
 * @param at         the observation that produced this detection
 * @param confidence 0.5 at the threshold, towards 1 as the deviation grows and lasts
 * @param observed   the observation's rate (per minute, ratio or level)
 * @param expected   the seasonal expectation for it
 */
public record Detection(Kind kind, String region, Signal signal, Instant since, Instant at, double confidence,
        double observed, double expected) {

    /** An anomaly opened (confirmed), is still going on, or cleared. */
    public enum Kind { OPENED, ONGOING, CLEARED }

    public Detection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(at, "at");
    }

    public AnomalyType type() {
        return signal.type();
    }
}
