package io.gatehouse.data.review;

import java.time.Instant;

/** One decision in the outbox, with its delivery state. */
public record OutboxEntry(long id, String idempotencyKey, String caseId, String action, String payloadJson,
        DeliveryState state, int attempts, Instant nextAttemptAt, Instant createdAt, Instant updatedAt,
        String lastError, String upstreamAnswer) {
}
