package io.gatehouse.data.review;

import java.time.Duration;

/** What the upstream said to one delivery attempt. */
public sealed interface DeliveryOutcome {
    /** The upstream holds the decision (a replayed idempotency key also lands here). */
    record Confirmed(String answerJson) implements DeliveryOutcome {
    }

    /** Accepted, but the upstream's state must be read back before it counts as confirmed. */
    record Accepted(String answerJson) implements DeliveryOutcome {
    }

    /** A different decision already stands upstream. */
    record Conflict(String standingDecisionJson, String message) implements DeliveryOutcome {
    }

    /** A passing failure: the network, a 5xx, a 429. {@code retryAfter} is the upstream's hint, or null. */
    record Retry(Duration retryAfter, String reason) implements DeliveryOutcome {
    }

    /** A permanent refusal, such as a case that no longer exists. */
    record Failed(String reason) implements DeliveryOutcome {
    }
}
