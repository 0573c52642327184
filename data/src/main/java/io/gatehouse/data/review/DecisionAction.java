package io.gatehouse.data.review;

import java.util.Objects;
import java.util.Set;

/** What an analyst does to a case. Open-ended: unknown actions read from upstream are kept as sent. */
public record DecisionAction(String value) {
    public static final DecisionAction APPROVE = new DecisionAction("approve");
    public static final DecisionAction DECLINE = new DecisionAction("decline");
    public static final DecisionAction REVERSE_DECLINE = new DecisionAction("reverse_decline");
    public static final DecisionAction HOLD = new DecisionAction("hold");
    public static final DecisionAction ESCALATE = new DecisionAction("escalate");
    public static final DecisionAction UNDO = new DecisionAction("undo");
    private static final Set<DecisionAction> KNOWN = Set.of(APPROVE, DECLINE, REVERSE_DECLINE, HOLD, ESCALATE, UNDO);

    public DecisionAction {
        Objects.requireNonNull(value, "value");
    }

    public boolean known() {
        return KNOWN.contains(this);
    }

    /** The actions an analyst may ask for directly; undo has its own path with its own rules. */
    public static Set<DecisionAction> decidable() {
        return Set.of(APPROVE, DECLINE, REVERSE_DECLINE, HOLD, ESCALATE);
    }

    @Override
    public String toString() {
        return value;
    }
}
