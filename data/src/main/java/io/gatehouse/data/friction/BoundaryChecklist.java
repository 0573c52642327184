package io.gatehouse.data.friction;

import io.gatehouse.data.defense.AuditItem;
import io.gatehouse.data.defense.DefenseArea;
import io.gatehouse.data.defense.ItemResult;
import io.gatehouse.data.defense.ItemStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The barrier's checklist share: of the defensive audit's boundary items (boundary design and
 * microsegmentation, API schema discipline and input validation) that have been decided, how many
 * pass. Items still open are not counted either way.
 */
public final class BoundaryChecklist {
    /** The audit areas that guard the checkout boundary itself. */
    public static final Set<DefenseArea> BOUNDARY_AREAS = Set.of(DefenseArea.BOUNDARY_DESIGN, DefenseArea.API_SCHEMA_DISCIPLINE);

    private BoundaryChecklist() {
    }

    public static Ratio of(List<AuditItem> items, List<ItemResult> results) {
        Map<String, ItemResult> byItem = results.stream().collect(Collectors.toMap(ItemResult::item, Function.identity(), (a, b) -> b));
        int decided = 0;
        int passed = 0;
        for (AuditItem item : items) {
            if (!BOUNDARY_AREAS.contains(item.area())) {
                continue;
            }
            ItemResult r = byItem.get(item.id());
            if (r == null || r.status() == ItemStatus.OPEN) {
                continue;
            }
            decided++;
            if (r.status() == ItemStatus.PASS) {
                passed++;
            }
        }
        return Ratio.of(passed, decided);
    }
}
