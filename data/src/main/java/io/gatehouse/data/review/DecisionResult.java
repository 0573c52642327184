package io.gatehouse.data.review;

/** What became of an analyst's decision when the desk returned. */
public sealed interface DecisionResult {
    /** Durably in the local outbox with its audit entry; the sender takes it from here. */
    record Queued(OutboxEntry entry) implements DecisionResult {
    }

    /** Above the four-eyes threshold: filed upstream for a different operator to approve. */
    record AwaitingSecondPerson(PendingApproval approval) implements DecisionResult {
    }
}
