package io.gatehouse.data.review.mirror;

import io.gatehouse.data.review.CaseStatus;
import java.time.Instant;

/** One change to a case upstream; {@code sequence} orders the stream and is the cursor to poll after. */
public record CaseEvent(String id, long sequence, String type, String caseId, CaseStatus status, Instant created) {
}
