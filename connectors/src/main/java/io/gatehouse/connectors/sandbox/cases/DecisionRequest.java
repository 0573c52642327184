package io.gatehouse.connectors.sandbox.cases;

import java.util.List;

/** A decision as asked for by an analyst, before the case's rules accept or refuse it. */
public record DecisionRequest(DecisionAction action, String reason, String analyst,
                              List<Decision.AllowlistEntry> allowlist, Decision.CustomerNotification notification) {
}
