package io.gatehouse.data.friction;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.defense.AuditItem;
import io.gatehouse.data.defense.DefenseArea;
import io.gatehouse.data.defense.ItemResult;
import io.gatehouse.data.defense.ItemStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundaryChecklistTest {
    private static AuditItem item(String id, DefenseArea area) {
        return new AuditItem(id, area, "Item " + id, "it holds", List.of(), "", null, 3, null);
    }

    @Test
    void countsDecidedBoundaryItemsOnly() {
        List<AuditItem> items = List.of(item("b-1", DefenseArea.BOUNDARY_DESIGN), item("b-2", DefenseArea.BOUNDARY_DESIGN),
                item("a-1", DefenseArea.API_SCHEMA_DISCIPLINE), item("a-2", DefenseArea.API_SCHEMA_DISCIPLINE),
                item("v-1", DefenseArea.VENDOR_RISK));
        List<ItemResult> results = List.of(new ItemResult("b-1", ItemStatus.PASS, "", null),
                new ItemResult("b-2", ItemStatus.FAIL, "", null), new ItemResult("a-1", ItemStatus.PASS, "", null),
                ItemResult.open("a-2"), new ItemResult("v-1", ItemStatus.PASS, "", null));

        assertThat(BoundaryChecklist.of(items, results)).isEqualTo(Ratio.of(2, 3));
    }

    @Test
    void nothingDecidedIsUndefined() {
        assertThat(BoundaryChecklist.of(List.of(item("b-1", DefenseArea.BOUNDARY_DESIGN)), List.of()).value()).isEmpty();
    }
}
