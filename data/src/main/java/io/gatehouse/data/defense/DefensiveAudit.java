package io.gatehouse.data.defense;

import io.gatehouse.data.evidence.Measurement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The checklist's rules: automatic evaluation, and the gap analysis with its ordered path. */
public final class DefensiveAudit {
    private static final Comparator<AuditItem> BY_RISK = Comparator.comparingInt(AuditItem::impact).reversed()
            .thenComparing(AuditItem::due, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(AuditItem::id);

    private DefensiveAudit() {
    }

    /**
     * Fills automatic items from {@code measurements}; items a person decides keep their answers. An
     * automatic item with no measurement keeps what it had, so a source being down loses nothing.
     */
    public static List<ItemResult> evaluate(List<AuditItem> items, List<ItemResult> results,
            Map<String, Measurement> measurements) {
        Map<String, ItemResult> byItem = index(results);
        List<ItemResult> next = new ArrayList<>();
        for (AuditItem item : items) {
            ItemResult current = byItem.getOrDefault(item.id(), ItemResult.open(item.id()));
            Measurement m = item.automatic() ? measurements.get(item.check()) : null;
            next.add(m == null ? current : ItemResult.measured(item.id(), m));
        }
        return next;
    }

    /** The gap analysis of {@code items} given {@code results}; an item without a result is open. */
    public static GapAnalysis analyse(List<AuditItem> items, List<ItemResult> results) {
        Map<String, ItemResult> byItem = index(results);
        Map<DefenseArea, int[]> perArea = new LinkedHashMap<>();
        for (DefenseArea area : DefenseArea.values()) {
            perArea.put(area, new int[3]);
        }
        List<AuditItem> gaps = new ArrayList<>();
        int passed = 0;
        for (AuditItem item : items) {
            int[] counts = perArea.get(item.area());
            counts[1]++;
            if (status(byItem, item) == ItemStatus.PASS) {
                counts[0]++;
                passed++;
            } else {
                counts[2] += item.impact();
                gaps.add(item);
            }
        }
        List<AreaGap> areas = new ArrayList<>();
        perArea.forEach((area, c) -> areas.add(new AreaGap(area, c[0], c[1], c[2])));
        gaps.sort(BY_RISK);
        List<RiskStep> path = new ArrayList<>();
        for (AuditItem item : gaps) {
            path.add(new RiskStep(path.size() + 1, item, byItem.getOrDefault(item.id(), ItemResult.open(item.id()))));
        }
        return new GapAnalysis(areas, path, passed, items.size());
    }

    private static ItemStatus status(Map<String, ItemResult> byItem, AuditItem item) {
        ItemResult r = byItem.get(item.id());
        return r == null ? ItemStatus.OPEN : r.status();
    }

    private static Map<String, ItemResult> index(List<ItemResult> results) {
        Map<String, ItemResult> byItem = new LinkedHashMap<>();
        results.forEach(r -> byItem.put(r.item(), r));
        return byItem;
    }
}
