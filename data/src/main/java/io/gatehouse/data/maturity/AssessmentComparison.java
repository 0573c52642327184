package io.gatehouse.data.maturity;

import io.gatehouse.data.defense.AuditItem;
import io.gatehouse.data.defense.ItemResult;
import io.gatehouse.data.defense.ItemStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What moved between two assessments, such as two quarters: each dimension's maturity, and the
 * criteria and checklist items whose answers changed, which is why it moved.
 */
public record AssessmentComparison(Assessment before, Assessment after, List<DimensionMove> moves,
        List<CriterionChange> criteria, List<AuditChange> audit) {

    public static AssessmentComparison of(Assessment before, Assessment after) {
        Map<Dimension, DimensionScore> was = before.scores();
        Map<Dimension, DimensionScore> now = after.scores();
        List<DimensionMove> moves = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            moves.add(new DimensionMove(d, was.get(d).value(), now.get(d).value()));
        }
        Answers a = before.answerSet();
        Answers b = after.answerSet();
        Map<String, Criterion> all = new LinkedHashMap<>();
        before.catalogue().criteria().forEach(c -> all.put(c.id(), c));
        after.catalogue().criteria().forEach(c -> all.put(c.id(), c));
        List<CriterionChange> changes = new ArrayList<>();
        for (Criterion c : all.values()) {
            Grade g0 = a.grade(c.id());
            Grade g1 = b.grade(c.id());
            if (g0 != g1) {
                changes.add(new CriterionChange(c.id(), c.dimension(), c.level(), c.text(), g0, g1));
            }
        }
        changes.sort(Comparator.comparing(CriterionChange::dimension).thenComparingInt(CriterionChange::level)
                .thenComparing(CriterionChange::criterion));
        return new AssessmentComparison(before, after, moves, changes, auditChanges(before, after));
    }

    private static List<AuditChange> auditChanges(Assessment before, Assessment after) {
        Map<String, AuditItem> items = new LinkedHashMap<>();
        before.auditItems().forEach(i -> items.put(i.id(), i));
        after.auditItems().forEach(i -> items.put(i.id(), i));
        List<AuditChange> changes = new ArrayList<>();
        for (AuditItem item : items.values()) {
            ItemStatus s0 = status(before, item.id());
            ItemStatus s1 = status(after, item.id());
            if (s0 != s1) {
                changes.add(new AuditChange(item.id(), item.title(), s0, s1));
            }
        }
        return changes;
    }

    private static ItemStatus status(Assessment a, String item) {
        return a.auditResults().stream().filter(r -> r.item().equals(item)).map(ItemResult::status).findFirst()
                .orElse(ItemStatus.OPEN);
    }
}
