package io.gatehouse.connectors.sandbox.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A maker's request waiting for a second person (the checker) to approve or reject it. */
public record PendingApproval(String id, String object, String kind, String caseId, String summary, JsonNode payload,
                              String maker, Instant created, String status, String checker, String resolutionReason,
                              Instant resolved) {
}
