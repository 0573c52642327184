package io.gatehouse.data.telemetry;

import java.util.Objects;

/**
 * One KPI series of one region. {@code detail} is the value of the KPI's detail label (a decline
 * reason), or the empty string for KPIs that do not split.
 */
public record SeriesKey(String region, Kpi kpi, String detail) {
    public SeriesKey {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(kpi, "kpi");
        detail = detail == null ? "" : detail;
    }

    public static SeriesKey of(String region, Kpi kpi) {
        return new SeriesKey(region, kpi, "");
    }
}
