package io.gatehouse.data.telemetry;

import java.util.List;

/** A KPI series over a time range, points in time order. */
public record KpiSeries(SeriesKey key, List<KpiPoint> points) {
    public KpiSeries {
        points = List.copyOf(points);
    }
}
