package io.gatehouse.data.defense;

import java.util.List;

/**
 * The checklist's result: per area standing, and the failing or open items as a path to risk
 * reduction, highest impact first, then earliest due date, then id.
 */
public record GapAnalysis(List<AreaGap> areas, List<RiskStep> path, int passed, int total) {
    public GapAnalysis {
        areas = List.copyOf(areas);
        path = List.copyOf(path);
    }

    public double passRate() {
        return total == 0 ? 1 : (double) passed / total;
    }
}
