package io.gatehouse.data.review;

import java.util.List;
import java.util.Objects;

/** A decision as sent upstream; {@code notification} may be null. */
public record DecisionRequest(DecisionAction action, String reason, String analyst, List<AllowlistEntry> allowlist,
        CustomerNotification notification) {

    public DecisionRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(analyst, "analyst");
        allowlist = List.copyOf(allowlist);
    }
}
