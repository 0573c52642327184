package io.gatehouse.data.review;

import java.time.Instant;

/**
 * A maker's request that a different checker must approve, stored upstream so maker and checker
 * can sit at different desks. {@code payloadJson} is the request's JSON object, or null.
 */
public record PendingApproval(String id, String kind, String caseId, String summary, String payloadJson,
        String maker, Instant created, ApprovalStatus status, String checker, String resolutionReason,
        Instant resolved) {
}
