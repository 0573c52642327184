package io.gatehouse.data.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where KPI values come from: a Prometheus-compatible server, or the sandbox's own metrics. Calls
 * block on I/O, so callers run them on a background executor. A region with no data for a KPI is
 * absent from the answer; it is never reported as zero.
 *
 * @throws io.gatehouse.data.GatehouseException from every method when the source fails, with a
 *         message the user can act on
 */
public interface TelemetrySource {
    /** A short name for messages and the source badge, such as "Prometheus" or "Sandbox". */
    String name();

    /** True when the data is simulated (the sandbox), so views show the badge. */
    boolean simulated();

    /** The value of {@code kpi} for every region (and detail) that has data at {@code at}. */
    List<KpiSample> instant(Kpi kpi, Instant at);

    /** The series of {@code kpi} for every region (and detail) from {@code start} to {@code end}, one point per step at most. */
    List<KpiSeries> range(Kpi kpi, Instant start, Instant end, Duration step);
}
