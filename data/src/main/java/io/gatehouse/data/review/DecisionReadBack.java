package io.gatehouse.data.review;

/**
 * Reads back the upstream state of a decision the upstream accepted but had not yet shown as
 * done. Implementations answer {@link DeliveryOutcome.Confirmed} once it is, a
 * {@link DeliveryOutcome.Conflict} or {@link DeliveryOutcome.Failed} when it turned out otherwise,
 * and {@link DeliveryOutcome.Accepted} or {@link DeliveryOutcome.Retry} while it is still pending
 * or cannot be read; they never throw.
 */
@FunctionalInterface
public interface DecisionReadBack {
    DeliveryOutcome readBack(OutboxEntry entry);
}
