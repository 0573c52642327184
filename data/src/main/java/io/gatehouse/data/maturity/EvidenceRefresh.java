package io.gatehouse.data.maturity;

import io.gatehouse.data.defense.DefensiveAudit;
import io.gatehouse.data.evidence.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills the automatic answers of an assessment from fresh measurements. Criteria a person answers
 * keep their answers; an automatic criterion without a measurement keeps its last one, with the date
 * it was measured, so a source being down never erases evidence.
 */
public final class EvidenceRefresh {
    private EvidenceRefresh() {
    }

    public static Assessment apply(Assessment assessment, Map<String, Measurement> measurements) {
        Answers answers = assessment.answerSet();
        List<Answer> next = new ArrayList<>();
        for (Criterion c : assessment.catalogue().criteria()) {
            Measurement m = c.automatic() ? measurements.get(c.check()) : null;
            if (m != null) {
                Answer previous = answers.get(c.id()).orElse(null);
                Answer measured = Answer.measured(c.id(), m);
                next.add(previous == null ? measured
                        : new Answer(c.id(), measured.grade(), previous.note(), previous.link(), m));
            } else {
                answers.get(c.id()).ifPresent(next::add);
            }
        }
        return assessment.withAnswers(next).withAuditResults(
                DefensiveAudit.evaluate(assessment.auditItems(), assessment.auditResults(), measurements));
    }
}
