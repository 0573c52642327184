package io.gatehouse.data.incidents;

import java.util.List;

/** Posts a new alert to the on-call team's chat; connectors implement it over HTTP. */
@FunctionalInterface
public interface AlertWebhook {
    /** Posts {@code alert} with its remediation steps; blocks on I/O and never throws for a failed post. */
    WebhookOutcome post(Alert alert, List<String> remediation);
}
