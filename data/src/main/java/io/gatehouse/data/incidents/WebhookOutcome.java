package io.gatehouse.data.incidents;

import java.time.Duration;

/** What happened when an alert was posted to the on-call webhook. */
public sealed interface WebhookOutcome {
    /** The peer took it. */
    record Delivered() implements WebhookOutcome {
    }

    /** A passing failure (network, 429, 5xx): try again later, not before {@code retryAfter} if given. */
    record Retry(Duration retryAfter, String reason) implements WebhookOutcome {
    }

    /** The peer refused it for good (4xx other than 408/429): retrying would not help. */
    record Refused(String reason) implements WebhookOutcome {
    }
}
