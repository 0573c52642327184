package io.gatehouse.data.anomaly;

import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.KpiSample;
import io.gatehouse.data.telemetry.TelemetrySource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Observations from any telemetry source's KPIs, for deployments that read Prometheus. Counts are
 * recovered from the per-minute rates over the rate window, and the trials of a ratio from the
 * checkout rate; the KPIs carry no country, so unusual geography needs a source that counts origins.
 */
public final class KpiObservations implements ObservationSource {
    private final TelemetrySource source;
    private final double windowMinutes;

    public KpiObservations(TelemetrySource source, Duration window) {
        this.source = Objects.requireNonNull(source, "source");
        this.windowMinutes = window.toMillis() / 60_000.0;
        if (windowMinutes <= 0) {
            throw new IllegalArgumentException("the window must be positive");
        }
    }

    @Override
    public List<Observation> observe(Instant at) {
        Map<String, Double> attempts = byRegion(Kpi.CHECKOUT_ATTEMPTS_PER_MIN, at);
        List<Observation> out = new ArrayList<>();
        byRegion(Kpi.LOGIN_FAILURES_PER_MIN, at).forEach((region, perMin) ->
                out.add(new Observation(region, Signal.LOGIN_FAILURES, at, perMin * windowMinutes, windowMinutes)));
        byRegion(Kpi.TOKEN_VALIDATION_FAILURES_PER_MIN, at).forEach((region, perMin) ->
                out.add(new Observation(region, Signal.TOKEN_FAILURES, at, perMin * windowMinutes, windowMinutes)));
        Map<String, Double> errorRate = byRegion(Kpi.ERROR_RATE, at);
        byRegion(Kpi.AUTHORISATION_RATE, at).forEach((region, authRate) -> {
            Double perMin = attempts.get(region);
            if (perMin != null) {
                double trials = perMin * windowMinutes * (1 - errorRate.getOrDefault(region, 0.0));
                out.add(new Observation(region, Signal.DECLINES, at, (1 - authRate) * trials, trials));
            }
        });
        errorRate.forEach((region, rate) -> {
            Double perMin = attempts.get(region);
            if (perMin != null) {
                double trials = perMin * windowMinutes;
                out.add(new Observation(region, Signal.CHECKOUT_ERRORS, at, rate * trials, trials));
            }
        });
        byRegion(Kpi.P95_LATENCY, at).forEach((region, seconds) -> out.add(new Observation(region, Signal.P95_LATENCY,
                at, seconds, attempts.getOrDefault(region, 0.0) * windowMinutes)));
        return out;
    }

    private Map<String, Double> byRegion(Kpi kpi, Instant at) {
        Map<String, Double> out = new HashMap<>();
        for (KpiSample s : source.instant(kpi, at)) {
            if (s.key().detail().isEmpty()) {
                out.put(s.key().region(), s.value());
            }
        }
        return out;
    }
}
