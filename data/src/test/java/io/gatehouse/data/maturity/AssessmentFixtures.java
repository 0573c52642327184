package io.gatehouse.data.maturity;

import io.gatehouse.data.defense.ItemResult;
import io.gatehouse.data.defense.ItemStatus;
import io.gatehouse.data.evidence.EvidenceChecks;
import io.gatehouse.data.evidence.Measurement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** Assessments of the shipped catalogue, for tests. */
final class AssessmentFixtures {
    private AssessmentFixtures() {
    }

    static Assessment quarter(String id, String date) {
        Catalogue catalogue = CatalogueSource.shipped();
        Assessment a = Assessment.blank(id, "Review " + date, LocalDate.parse(date), catalogue,
                Map.of(Dimension.ARCHITECTURE, 3, Dimension.EXECUTION, 3, Dimension.MEASUREMENT, 4, Dimension.CULTURE, 2));
        a = a.withAnswer(new Answer("arc-1-1", Grade.ALL, "Service inventory in the CMDB", "https://wiki.example/inventory", null));
        a = a.withAnswer(Answer.of("arc-1-2", Grade.MOST));
        a = a.withAnswer(Answer.of("arc-1-3", Grade.ALL));
        a = a.withAnswer(Answer.measured("arc-2-1", new Measurement(EvidenceChecks.KEYS_CRYPTOPERIOD, 0.5,
                "1 of 2 key rings inside their cryptoperiod", "Key custody", Instant.parse(date + "T09:00:00Z"))));
        a = a.withAuditResult(new ItemResult("audit-bnd-1", ItemStatus.FAIL, "east-west traffic is open", null));
        return a;
    }
}
