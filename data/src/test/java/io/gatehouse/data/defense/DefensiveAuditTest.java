package io.gatehouse.data.defense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.evidence.Measurement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefensiveAuditTest {
    private static AuditItem item(String id, DefenseArea area, int impact, String due, String check) {
        return new AuditItem(id, area, "title " + id, "criterion " + id, List.of("fix " + id), "owner",
                due == null ? null : LocalDate.parse(due), impact, check);
    }

    private static final List<AuditItem> ITEMS = List.of(
            item("low", DefenseArea.VENDOR_RISK, 1, "2027-01-01", null),
            item("high-late", DefenseArea.BOUNDARY_DESIGN, 5, "2027-06-01", null),
            item("high-soon", DefenseArea.TOKEN_MANAGEMENT, 5, "2027-02-01", "keys.cryptoperiod"),
            item("mid", DefenseArea.OBSERVABILITY, 3, null, null),
            item("passed", DefenseArea.OBSERVABILITY, 4, "2027-01-01", null));

    @Test
    void thePathIsOrderedByImpactThenDueDate() {
        GapAnalysis gaps = DefensiveAudit.analyse(ITEMS, List.of(new ItemResult("passed", ItemStatus.PASS, "", null),
                new ItemResult("low", ItemStatus.FAIL, "no vendor list", null)));
        assertThat(gaps.path()).extracting(s -> s.item().id()).containsExactly("high-soon", "high-late", "mid", "low");
        assertThat(gaps.path()).extracting(RiskStep::order).containsExactly(1, 2, 3, 4);
        assertThat(gaps.passed()).isEqualTo(1);
        assertThat(gaps.total()).isEqualTo(5);
        AreaGap observability = gaps.areas().stream().filter(a -> a.area() == DefenseArea.OBSERVABILITY).findFirst().orElseThrow();
        assertThat(observability.passed()).isEqualTo(1);
        assertThat(observability.total()).isEqualTo(2);
        assertThat(observability.openImpact()).isEqualTo(3);
        assertThat(gaps.areas()).hasSize(8);
    }

    @Test
    void automaticItemsFollowTheirMeasurementAndManualOnesKeepTheirAnswer() {
        Measurement expired = new Measurement("keys.cryptoperiod", 0.5, "1 of 2 rings", "Key custody", Instant.EPOCH);
        List<ItemResult> results = DefensiveAudit.evaluate(ITEMS, List.of(new ItemResult("mid", ItemStatus.PASS, "ok", null)),
                Map.of("keys.cryptoperiod", expired));
        assertThat(results).extracting(ItemResult::item, ItemResult::status).contains(
                org.assertj.core.groups.Tuple.tuple("high-soon", ItemStatus.FAIL),
                org.assertj.core.groups.Tuple.tuple("mid", ItemStatus.PASS),
                org.assertj.core.groups.Tuple.tuple("low", ItemStatus.OPEN));
        assertThat(results.stream().filter(r -> r.item().equals("high-soon")).findFirst().orElseThrow().measurement())
                .isEqualTo(expired);
    }

    @Test
    void anItemNeedsAnImpactFromOneToFive() {
        assertThatThrownBy(() -> item("x", DefenseArea.VENDOR_RISK, 6, null, null)).hasMessageContaining("use 1 to 5");
    }
}
