package io.gatehouse.data.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One series as a snapshot saw it. {@code latest} is empty ("no data") when the newest point is
 * older than the hub's stale limit: a series that vanished upstream greys out instead of freezing
 * on its last value.
 */
public record SeriesView(SeriesKey key, OptionalDouble latest, Instant lastSeen, boolean stale, List<KpiPoint> points) {
    public SeriesView {
        points = List.copyOf(points);
    }
}
