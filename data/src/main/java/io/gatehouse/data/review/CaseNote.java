package io.gatehouse.data.review;

import java.time.Instant;

/** A note an analyst left on a case. */
public record CaseNote(String id, String caseId, String author, String body, Instant created) {
}
