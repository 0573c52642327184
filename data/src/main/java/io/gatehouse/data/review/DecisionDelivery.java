package io.gatehouse.data.review;

/**
 * The port through which the outbox reaches the fraud queue upstream. Implementations send the
 * entry's payload with its idempotency key and classify the answer; they never throw for
 * network or HTTP failures, which are {@link DeliveryOutcome.Retry} or {@link DeliveryOutcome.Failed}.
 */
@FunctionalInterface
public interface DecisionDelivery {
    DeliveryOutcome deliver(OutboxEntry entry);
}
