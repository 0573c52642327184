package io.gatehouse.data.review;

import java.time.Instant;
import java.util.List;

/** A decision on a case as the upstream holds it; {@code analyst} is {@code system} for the rules. */
public record CaseDecision(String id, String caseId, DecisionAction action, String reason, String analyst,
        Instant created, List<AllowlistEntry> allowlist, CustomerNotification notification, String undoes) {

    public CaseDecision {
        allowlist = List.copyOf(allowlist);
    }
}
