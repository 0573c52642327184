package io.gatehouse.data.anomaly;

import java.time.Instant;
import java.util.Objects;

/**
 * One look at a regional series over a window ending at {@code at}: for counts, {@code events}
 * over {@code exposure} minutes; for ratios, {@code events} out of {@code exposure} trials; for
 * levels, the measured value and the volume it rests on.
 */
public record Observation(String region, Signal signal, Instant at, double events, double exposure) {
    public Observation {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(at, "at");
    }

    /** True when both numbers are usable: finite, not negative, and some exposure. */
    public boolean usable() {
        return Double.isFinite(events) && Double.isFinite(exposure) && events >= 0 && exposure > 0
                && (signal.shape() != Signal.Shape.RATIO || events <= exposure);
    }

    /** Events per unit of exposure: a rate per minute, a ratio, or the level itself. */
    public double rate() {
        return signal.shape() == Signal.Shape.LEVEL ? events : events / exposure;
    }
}
