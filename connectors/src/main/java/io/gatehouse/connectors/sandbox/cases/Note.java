package io.gatehouse.connectors.sandbox.cases;

import java.time.Instant;

/** A free-text note an analyst left on a case. */
public record Note(String id, String caseId, String author, String body, Instant created) {
}
