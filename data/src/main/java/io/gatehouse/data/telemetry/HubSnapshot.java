package io.gatehouse.data.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable copy of the hub at one instant, safe to hand to the FX thread. */
public record HubSnapshot(Instant at, Map<SeriesKey, SeriesView> series, HubStats stats) {
    public HubSnapshot {
        series = Map.copyOf(series);
    }

    public Optional<SeriesView> view(SeriesKey key) {
        return Optional.ofNullable(series.get(key));
    }

    /** The series of one region and KPI, one per detail. */
    public List<SeriesView> of(String region, Kpi kpi) {
        return series.values().stream().filter(v -> v.key().region().equals(region) && v.key().kpi() == kpi).toList();
    }
}
