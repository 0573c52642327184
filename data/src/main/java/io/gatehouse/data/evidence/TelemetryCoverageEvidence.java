package io.gatehouse.data.evidence;

import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.KpiSample;
import io.gatehouse.data.telemetry.TelemetrySource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Telemetry coverage per region: for each expected region, the share of the core checkout KPIs that
 * report a value now; the score is the mean over regions. With no expected list, the regions that
 * report checkout attempts are the ones expected.
 */
public final class TelemetryCoverageEvidence implements EvidenceProvider {
    static final List<Kpi> CORE = List.of(Kpi.CHECKOUT_ATTEMPTS_PER_MIN, Kpi.AUTHORISATION_RATE, Kpi.ERROR_RATE,
            Kpi.P95_LATENCY, Kpi.FRAUD_FLAG_RATE);
    private final TelemetrySource source;
    private final Set<String> expectedRegions;

    public TelemetryCoverageEvidence(TelemetrySource source, Set<String> expectedRegions) {
        this.source = Objects.requireNonNull(source, "source");
        this.expectedRegions = Set.copyOf(expectedRegions);
    }

    @Override
    public String check() {
        return EvidenceChecks.TELEMETRY_COVERAGE;
    }

    /** Per region, the share of core KPIs with data at {@code now}. */
    public Map<String, Double> coverage(Instant now) {
        Map<Kpi, Set<String>> reporting = new TreeMap<>();
        for (Kpi kpi : CORE) {
            reporting.put(kpi, source.instant(kpi, now).stream().filter(s -> Double.isFinite(s.value()))
                    .map(KpiSample::key).map(k -> k.region()).collect(Collectors.toSet()));
        }
        Set<String> regions = new TreeSet<>(expectedRegions.isEmpty()
                ? reporting.get(Kpi.CHECKOUT_ATTEMPTS_PER_MIN) : expectedRegions);
        Map<String, Double> coverage = new TreeMap<>();
        for (String region : regions) {
            long covered = CORE.stream().filter(kpi -> reporting.get(kpi).contains(region)).count();
            coverage.put(region, (double) covered / CORE.size());
        }
        return coverage;
    }

    @Override
    public Optional<Measurement> measure(Instant now) {
        Map<String, Double> coverage = coverage(now);
        if (coverage.isEmpty()) {
            return Optional.empty();
        }
        double mean = coverage.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        List<String> gaps = new ArrayList<>();
        coverage.forEach((region, share) -> {
            if (share < 1) {
                gaps.add(region + " " + Math.round(share * 100) + "%");
            }
        });
        long full = coverage.size() - gaps.size();
        String finding = full + " of " + coverage.size() + " regions report every core KPI"
                + (gaps.isEmpty() ? "" : "; partial: " + String.join(", ", gaps));
        return Optional.of(new Measurement(check(), Math.min(1, mean), finding, "Telemetry (" + source.name() + ")", now));
    }
}
