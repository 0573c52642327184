package io.gatehouse.views.dashboard;

import io.gatehouse.data.telemetry.KpiPoint;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One tile's content: the newest value (empty means "no data", never 0), when the source last had
 * it, whether that is too old to trust, and the sparkline over the chosen time range.
 *
 * @param lastSeen the newest sample's time, or null when there is none
 */
public record KpiCell(OptionalDouble value, Instant lastSeen, boolean stale, List<KpiPoint> sparkline) {
    public static final KpiCell NO_DATA = new KpiCell(OptionalDouble.empty(), null, false, List.of());

    public KpiCell {
        sparkline = List.copyOf(sparkline);
    }
}
