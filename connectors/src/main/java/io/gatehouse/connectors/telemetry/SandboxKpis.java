package io.gatehouse.connectors.telemetry;

import io.gatehouse.connectors.telemetry.SandboxScrape.SeriesId;
import io.gatehouse.data.telemetry.CounterRates;
import io.gatehouse.data.telemetry.HistogramQuantile;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.SeriesKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The KPIs of {@link Kpi}, computed from consecutive sandbox scrapes the way the default PromQL
 * computes them from Prometheus: per-series increases (restarts included), summed per region, then
 * divided. Rates are over the span of the scrapes, without Prometheus's extrapolation to the window
 * edges, so per-minute figures can differ slightly; ratios and quantiles do not.
 */
final class SandboxKpis {
    static final String REGION = "region";
    static final String ATTEMPTS = "sandbox_checkout_attempts_total";
    static final String ERRORS = "sandbox_checkout_errors_total";
    static final String AUTHORISATIONS = "sandbox_authorisations_total";
    static final String DECLINES = "sandbox_declines_total";
    static final String FLAGGED = "sandbox_fraud_flagged_orders_total";
    static final String LOGINS = "sandbox_login_attempts_total";
    static final String TOKEN_FAILURES = "sandbox_token_validation_failures_total";
    static final String LATENCY_BUCKETS = "sandbox_checkout_latency_seconds_bucket";
    static final String FOREIGN_ORIGIN = "sandbox_checkout_foreign_origin_total";
    static final Set<String> USED = Set.of(ATTEMPTS, ERRORS, AUTHORISATIONS, DECLINES, FLAGGED, LOGINS, TOKEN_FAILURES,
            LATENCY_BUCKETS, FOREIGN_ORIGIN);

    private record Group(String region, String detail) {
    }

    private final List<SandboxScrape> scrapes;
    private final double spanMinutes;

    /** @param scrapes at least two, oldest first */
    SandboxKpis(List<SandboxScrape> scrapes) {
        this.scrapes = scrapes;
        this.spanMinutes = (scrapes.getLast().atMillis() - scrapes.getFirst().atMillis()) / 60_000.0;
    }

    /** The KPI's value per region (and detail); regions without data are absent. */
    Map<SeriesKey, Double> compute(Kpi kpi) {
        Map<SeriesKey, Double> out = new HashMap<>();
        switch (kpi) {
            case CHECKOUT_ATTEMPTS_PER_MIN -> perMinute(kpi, increases(ATTEMPTS, s -> true, null), out);
            case LOGIN_FAILURES_PER_MIN -> perMinute(kpi, increases(LOGINS, s -> "failure".equals(s.label("result")), null), out);
            case TOKEN_VALIDATION_FAILURES_PER_MIN -> perMinute(kpi, increases(TOKEN_FAILURES, s -> true, null), out);
            case ERROR_RATE -> ratio(kpi, increases(ERRORS, s -> true, null), increases(ATTEMPTS, s -> true, null), false, out);
            case FRAUD_FLAG_RATE -> ratio(kpi, increases(FLAGGED, s -> true, null), increases(ATTEMPTS, s -> true, null),
                    false, out);
            case AUTHORISATION_RATE -> ratio(kpi, increases(DECLINES, s -> true, null),
                    increases(AUTHORISATIONS, s -> true, null), true, out);
            case DECLINE_RATE_BY_REASON -> {
                Map<Group, Double> declines = increases(DECLINES, s -> true, "reason");
                Map<Group, Double> auths = increases(AUTHORISATIONS, s -> true, null);
                declines.forEach((g, n) -> CounterRates.ratio(OptionalDouble.of(n), opt(auths.get(new Group(g.region(), ""))))
                        .ifPresent(r -> out.put(new SeriesKey(g.region(), kpi, g.detail()), r)));
            }
            case P95_LATENCY -> p95(kpi, out);
            case CHECKOUT_ATTEMPTS_BY_RAIL -> {
                if (spanMinutes > 0) {
                    increases(ATTEMPTS, s -> true, "rail").forEach((g, n) ->
                            out.put(new SeriesKey(g.region(), kpi, g.detail()), n / spanMinutes));
                }
            }
        }
        return out;
    }

    private void perMinute(Kpi kpi, Map<Group, Double> increases, Map<SeriesKey, Double> out) {
        if (spanMinutes > 0) {
            increases.forEach((g, n) -> out.put(SeriesKey.of(g.region(), kpi), n / spanMinutes));
        }
    }

    // A counter exists only once it has counted, so a missing part with a present whole is 0, as the
    // PromQL's "or ... * 0" makes it. For the authorisation rate the part is what failed (declines).
    private static void ratio(Kpi kpi, Map<Group, Double> part, Map<Group, Double> whole, boolean complement,
            Map<SeriesKey, Double> out) {
        whole.forEach((g, w) -> {
            OptionalDouble r = CounterRates.ratio(OptionalDouble.of(part.getOrDefault(g, 0.0)), OptionalDouble.of(w));
            r.ifPresent(v -> out.put(SeriesKey.of(g.region(), kpi), complement ? 1 - v : v));
        });
    }

    private void p95(Kpi kpi, Map<SeriesKey, Double> out) {
        Map<Group, Double> buckets = increases(LATENCY_BUCKETS, s -> s.label("le") != null, "le");
        Map<String, TreeMap<Double, Double>> byRegion = new HashMap<>();
        buckets.forEach((g, n) -> {
            double le = "+Inf".equals(g.detail()) ? Double.POSITIVE_INFINITY : parseBound(g.detail());
            if (!Double.isNaN(le)) {
                byRegion.computeIfAbsent(g.region(), r -> new TreeMap<>()).put(le, n);
            }
        });
        byRegion.forEach((region, cumulative) -> {
            double[] bounds = cumulative.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            double[] counts = cumulative.values().stream().mapToDouble(Double::doubleValue).toArray();
            HistogramQuantile.of(0.95, bounds, counts).ifPresent(v -> out.put(SeriesKey.of(region, kpi), v));
        });
    }

    private static double parseBound(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Each matching series' increase over the scrapes, summed per region (and detail label). A
     * series missing from some scrapes (it appeared or vanished) counts over the scrapes that have it.
     */
    Map<Group, Double> increases(String name, Predicate<SeriesId> filter, String detailLabel) {
        Set<SeriesId> ids = new LinkedHashSet<>();
        for (SandboxScrape s : scrapes) {
            for (SeriesId id : s.values().keySet()) {
                if (id.name().equals(name) && filter.test(id)) {
                    ids.add(id);
                }
            }
        }
        Map<Group, Double> sums = new HashMap<>();
        double[] values = new double[scrapes.size()];
        for (SeriesId id : ids) {
            String region = id.label(REGION);
            if (region == null) {
                continue;
            }
            for (int i = 0; i < values.length; i++) {
                values[i] = scrapes.get(i).values().getOrDefault(id, Double.NaN);
            }
            OptionalDouble inc = CounterRates.increase(values);
            if (inc.isPresent()) {
                String detail = detailLabel == null ? "" : String.valueOf(id.label(detailLabel));
                sums.merge(new Group(region, detail), inc.getAsDouble(), Double::sum);
            }
        }
        return sums;
    }

    /** Per-region increase of every series named {@code name}. */
    Map<String, Double> increaseByRegion(String name) {
        return increaseByRegion(name, s -> true);
    }

    /** Per-region increase of the series named {@code name} that pass {@code filter}. */
    Map<String, Double> increaseByRegion(String name, Predicate<SeriesId> filter) {
        Map<String, Double> out = new TreeMap<>();
        increases(name, filter, null).forEach((g, n) -> out.put(g.region(), n));
        return out;
    }

    /** Minutes from the first scrape to the last. */
    double spanMinutes() {
        return spanMinutes;
    }

    private static OptionalDouble opt(Double d) {
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    static List<SandboxScrape> between(List<SandboxScrape> all, long fromMillis, long toMillis) {
        List<SandboxScrape> out = new ArrayList<>();
        for (SandboxScrape s : all) {
            if (s.atMillis() >= fromMillis && s.atMillis() <= toMillis) {
                out.add(s);
            }
        }
        return out;
    }
}
