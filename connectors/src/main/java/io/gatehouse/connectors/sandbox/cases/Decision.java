package io.gatehouse.connectors.sandbox.cases;

import java.time.Instant;
import java.util.List;

/** One analyst (or rule) decision on a case, as recorded upstream. */
public record Decision(String id, String caseId, DecisionAction action, String reason, String analyst,
                       Instant created, List<AllowlistEntry> allowlist, CustomerNotification notification,
                       String undoes) {

    /** A value to trust from now on: a customer, card fingerprint, email or device. */
    public record AllowlistEntry(String type, String value) {
    }

    /** A message to the customer whose declined order was reversed. */
    public record CustomerNotification(String channel, String message) {
    }
}
