package io.gatehouse.views.dashboard;

import io.gatehouse.data.executive.RegionalRisk;
import io.gatehouse.data.executive.RiskLevel;
import io.gatehouse.data.incidents.Alert;
import io.gatehouse.data.incidents.AlertState;
import io.gatehouse.data.incidents.IncidentDesk;
import io.gatehouse.data.anomaly.AnomalyType;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.KpiPoint;
import io.gatehouse.data.telemetry.KpiSample;
import io.gatehouse.data.telemetry.KpiSeries;
import io.gatehouse.data.telemetry.TelemetrySource;
import io.gatehouse.views.common.JobHandle;
import io.gatehouse.views.dashboard.DashboardViewModel.Dashboard;
import io.gatehouse.views.dashboard.DashboardViewModel.SourceState;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;

/**
 * One refresh of the dashboards, run in the background: every KPI's newest value per region, the
 * sparklines over the time range, and the live alerts of the incident desk. It blocks on I/O and
 * must never run on the UI thread.
 */
final class DashboardQuery {
    /** Alerts read per refresh: far more than are ever active at once. */
    private static final int ALERTS_READ = 500;

    private final TelemetrySource source;
    private final IncidentDesk desk;
    private final InstantSource clock;

    DashboardQuery(TelemetrySource source, IncidentDesk desk, InstantSource clock) {
        this.source = source;
        this.desk = desk;
        this.clock = clock;
    }

    Dashboard run(Instant at, TimeRange range, Duration refreshEvery, JobHandle job) {
        Map<String, Map<Kpi, double[]>> sums = new TreeMap<>();
        Map<String, Map<Kpi, Instant>> seen = new HashMap<>();
        Map<String, Map<Kpi, Map<String, Double>>> details = new HashMap<>();
        Instant newest = null;
        for (Kpi kpi : Kpi.values()) {
            checkCancelled(job);
            for (KpiSample sample : source.instant(kpi, at)) {
                if (!Double.isFinite(sample.value())) {
                    continue; // NaN or infinite: the source had nothing usable for this series
                }
                String region = sample.key().region();
                // decline reasons share one denominator, so their rates add up to the region's decline rate
                sums.computeIfAbsent(region, r -> new EnumMap<>(Kpi.class)).computeIfAbsent(kpi, k -> new double[1])[0]
                        += sample.value();
                seen.computeIfAbsent(region, r -> new EnumMap<>(Kpi.class)).merge(kpi, sample.at(),
                        (a, b) -> a.isAfter(b) ? a : b);
                if (kpi.detailLabel() != null) {
                    details.computeIfAbsent(region, r -> new EnumMap<>(Kpi.class))
                            .computeIfAbsent(kpi, k -> new HashMap<>()).merge(sample.key().detail(), sample.value(), Double::sum);
                }
                if (newest == null || sample.at().isAfter(newest)) {
                    newest = sample.at();
                }
            }
        }
        Map<String, Map<Kpi, List<KpiPoint>>> sparklines = sparklines(at, range, job);
        Map<String, List<AttackIndicator>> indicators = indicators(job);
        Instant checked = clock.instant();
        List<RegionRow> rows = new ArrayList<>();
        sums.forEach((region, values) -> {
            Map<Kpi, KpiCell> cells = new EnumMap<>(Kpi.class);
            values.forEach((kpi, sum) -> {
                Instant last = seen.get(region).get(kpi);
                cells.put(kpi, new KpiCell(OptionalDouble.of(sum[0]), last, isStale(last, checked),
                        sparklines.getOrDefault(region, Map.of()).getOrDefault(kpi, List.of())));
            });
            Map<Kpi, Map<String, Double>> split = details.getOrDefault(region, Map.of());
            List<AttackIndicator> live = indicators.getOrDefault(region, List.of());
            rows.add(new RegionRow(region, cells, risk(region, cells, live),
                    largestFirst(split.get(Kpi.DECLINE_RATE_BY_REASON)), largestFirst(split.get(Kpi.CHECKOUT_ATTEMPTS_BY_RAIL)),
                    live));
        });
        // a region with a live alert but no telemetry still belongs on the board
        indicators.forEach((region, live) -> {
            if (!sums.containsKey(region)) {
                rows.add(new RegionRow(region, Map.of(), RiskLevel.HIGH, List.of(), List.of(), live));
            }
        });
        rows.sort(Comparator.comparing(RegionRow::region));
        SourceState state = sums.isEmpty() ? SourceState.NO_DATA
                : isStale(newest, checked) ? SourceState.STALE : SourceState.LIVE;
        return new Dashboard(state, rows, newest, checked, "", range, refreshEvery);
    }

    private static boolean isStale(Instant last, Instant checked) {
        return last != null && Duration.between(last, checked).compareTo(DashboardViewModel.STALE_AFTER) > 0;
    }

    /** Each tile KPI's series over the range, details summed per instant (the decline reasons add up). */
    private Map<String, Map<Kpi, List<KpiPoint>>> sparklines(Instant at, TimeRange range, JobHandle job) {
        Map<String, Map<Kpi, List<KpiPoint>>> out = new HashMap<>();
        for (Kpi kpi : DashboardViewModel.TILE_KPIS) {
            checkCancelled(job);
            Map<String, TreeMap<Instant, Double>> byRegion = new HashMap<>();
            for (KpiSeries series : source.range(kpi, at.minus(range.span()), at, range.step())) {
                TreeMap<Instant, Double> points = byRegion.computeIfAbsent(series.key().region(), r -> new TreeMap<>());
                for (KpiPoint p : series.points()) {
                    if (Double.isFinite(p.value())) {
                        points.merge(p.at(), p.value(), Double::sum);
                    }
                }
            }
            byRegion.forEach((region, points) -> {
                List<KpiPoint> line = new ArrayList<>(points.size());
                points.forEach((t, v) -> line.add(new KpiPoint(t, v)));
                out.computeIfAbsent(region, r -> new EnumMap<>(Kpi.class)).put(kpi, line);
            });
        }
        return out;
    }

    /** The desk's active alerts per region, newest first, each with its runbook's steps. */
    private Map<String, List<AttackIndicator>> indicators(JobHandle job) {
        if (desk == null) {
            return Map.of();
        }
        checkCancelled(job);
        Map<AnomalyType, List<String>> steps = new EnumMap<>(AnomalyType.class);
        Map<String, List<AttackIndicator>> out = new TreeMap<>();
        for (Alert alert : desk.alerts(ALERTS_READ)) {
            if (alert.active()) {
                List<String> todo = steps.computeIfAbsent(alert.type(), desk::remediation);
                out.computeIfAbsent(alert.region(), r -> new ArrayList<>()).add(new AttackIndicator(alert, todo));
            }
        }
        out.values().forEach(list -> list.sort(Comparator.comparing((AttackIndicator i) -> i.alert().detected()).reversed()));
        return out;
    }

    /**
     * The readings' rating ({@link RegionalRisk}), raised by live alerts: an alert nobody has taken
     * up yet makes the region high, one being handled at least elevated.
     */
    private static RiskLevel risk(String region, Map<Kpi, KpiCell> cells, List<AttackIndicator> live) {
        RiskLevel level = RegionalRisk.rate(region, value(cells, Kpi.FRAUD_FLAG_RATE), value(cells, Kpi.ERROR_RATE),
                value(cells, Kpi.AUTHORISATION_RATE)).level();
        for (AttackIndicator i : live) {
            RiskLevel raised = i.alert().state() == AlertState.OPEN ? RiskLevel.HIGH : RiskLevel.ELEVATED;
            if (raised.compareTo(level) > 0) {
                level = raised;
            }
        }
        return level;
    }

    private static OptionalDouble value(Map<Kpi, KpiCell> cells, Kpi kpi) {
        KpiCell c = cells.get(kpi);
        return c == null || c.stale() ? OptionalDouble.empty() : c.value();
    }

    private static List<Breakdown> largestFirst(Map<String, Double> split) {
        if (split == null) {
            return List.of();
        }
        return split.entrySet().stream().map(e -> new Breakdown(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingDouble(Breakdown::value).reversed().thenComparing(Breakdown::name)).toList();
    }

    private static void checkCancelled(JobHandle job) {
        if (job.cancelled()) {
            throw new CancellationException();
        }
    }
}
