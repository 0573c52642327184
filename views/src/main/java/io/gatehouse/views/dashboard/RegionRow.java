package io.gatehouse.views.dashboard;

import io.gatehouse.data.executive.RiskLevel;
import io.gatehouse.data.telemetry.Kpi;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One region as the dashboards show it: a cell per KPI, its risk, the split of its declines by
 * reason and of its checkouts by rail (largest first), and its live attack indicators.
 */
public record RegionRow(String region, Map<Kpi, KpiCell> cells, RiskLevel risk, List<Breakdown> declineReasons,
        List<Breakdown> rails, List<AttackIndicator> indicators) {
    public RegionRow {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(risk, "risk");
        cells = Map.copyOf(cells);
        declineReasons = List.copyOf(declineReasons);
        rails = List.copyOf(rails);
        indicators = List.copyOf(indicators);
    }

    public KpiCell cell(Kpi kpi) {
        return cells.getOrDefault(kpi, KpiCell.NO_DATA);
    }

    public OptionalDouble value(Kpi kpi) {
        return cell(kpi).value();
    }
}
