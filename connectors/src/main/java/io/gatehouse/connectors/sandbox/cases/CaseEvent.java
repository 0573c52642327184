package io.gatehouse.connectors.sandbox.cases;

import java.time.Instant;

/** A change to a case, in the order it happened; the sequence is the stream cursor. */
public record CaseEvent(String id, long sequence, String type, String caseId, String status, Instant created) {
}
