package io.gatehouse.connectors.sandbox.cases;

import java.time.Instant;

/**
 * What happened after a decision: a chargeback or dispute on an order let through, an issuer fraud
 * report, or a declined customer verified as genuine.
 */
public record Outcome(String id, String caseId, String type, String reason, long amount, String currency,
                      Instant created) {
}
