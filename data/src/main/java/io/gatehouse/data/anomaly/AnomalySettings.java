package io.gatehouse.data.anomaly;

import java.util.Map;
import java.util.Objects;

/** The thresholds of every region: one default set, and overrides for named regions. */
public record AnomalySettings(Thresholds defaults, Map<String, Thresholds> regions) {
    public AnomalySettings {
        Objects.requireNonNull(defaults, "defaults");
        regions = regions == null ? Map.of() : Map.copyOf(regions);
    }

    public static AnomalySettings standard() {
        return new AnomalySettings(Thresholds.DEFAULTS, Map.of());
    }

    public Thresholds forRegion(String region) {
        return regions.getOrDefault(region, defaults);
    }
}
