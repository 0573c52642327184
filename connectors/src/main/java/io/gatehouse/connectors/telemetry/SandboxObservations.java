package io.gatehouse.connectors.telemetry;

import io.gatehouse.data.anomaly.Observation;
import io.gatehouse.data.anomaly.ObservationSource;
import io.gatehouse.data.anomaly.Signal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The detector's observations from the sandbox's counters as scraped: exact event counts over the
 * scrapes inside the window (not rates multiplied back), and the checkouts from abroad and the
 * checkouts slower than a second, which no KPI carries (a count of slow checkouts is steadier than a
 * p95 at night, when a region has a handful of checkouts a minute). Reads only what the metrics source already holds; someone else scrapes.
 */
public final class SandboxObservations implements ObservationSource {
    private final SandboxMetricsSource metrics;
    private final Duration window;

    public SandboxObservations(SandboxMetricsSource metrics, Duration window) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.window = Objects.requireNonNull(window, "window");
    }

    private static boolean isOneSecond(String le) {
        if (le == null) {
            return false;
        }
        try {
            return Double.parseDouble(le) == 1.0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public List<Observation> observe(Instant at) {
        List<SandboxScrape> span = metrics.scrapesBetween(at.minus(window), at);
        if (span.size() < 2) {
            return List.of();
        }
        SandboxKpis k = new SandboxKpis(span);
        double minutes = k.spanMinutes();
        if (minutes <= 0) {
            return List.of();
        }
        List<Observation> out = new ArrayList<>();
        Map<String, Double> attempts = k.increaseByRegion(SandboxKpis.ATTEMPTS);
        Map<String, Double> auths = k.increaseByRegion(SandboxKpis.AUTHORISATIONS);
        Map<String, Double> declines = k.increaseByRegion(SandboxKpis.DECLINES);
        Map<String, Double> errors = k.increaseByRegion(SandboxKpis.ERRORS);
        Map<String, Double> foreign = k.increaseByRegion(SandboxKpis.FOREIGN_ORIGIN);
        Map<String, Double> tokens = k.increaseByRegion(SandboxKpis.TOKEN_FAILURES);
        Map<String, Double> loginFailures = k.increaseByRegion(SandboxKpis.LOGINS, s -> "failure".equals(s.label("result")));
        Map<String, Double> withinASecond = k.increaseByRegion(SandboxKpis.LATENCY_BUCKETS, s -> isOneSecond(s.label("le")));
        for (Map.Entry<String, Double> e : attempts.entrySet()) {
            String region = e.getKey();
            double tried = e.getValue();
            out.add(new Observation(region, Signal.LOGIN_FAILURES, at, loginFailures.getOrDefault(region, 0.0), minutes));
            out.add(new Observation(region, Signal.TOKEN_FAILURES, at, tokens.getOrDefault(region, 0.0), minutes));
            out.add(new Observation(region, Signal.CHECKOUT_ERRORS, at, errors.getOrDefault(region, 0.0), tried));
            out.add(new Observation(region, Signal.FOREIGN_ORIGIN, at, foreign.getOrDefault(region, 0.0), tried));
            double authorised = auths.getOrDefault(region, 0.0);
            if (authorised > 0) {
                out.add(new Observation(region, Signal.DECLINES, at, Math.min(authorised, declines.getOrDefault(region, 0.0)),
                        authorised));
            }
            Double fast = withinASecond.get(region);
            if (fast != null) {
                out.add(new Observation(region, Signal.SLOW_CHECKOUTS, at, Math.max(0, tried - fast), tried));
            }
        }
        return out;
    }
}
