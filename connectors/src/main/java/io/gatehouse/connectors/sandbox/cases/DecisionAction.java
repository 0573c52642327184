package io.gatehouse.connectors.sandbox.cases;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** What an analyst can do to a case; approve, decline and reverse_decline are final. */
public enum DecisionAction {
    APPROVE, DECLINE, REVERSE_DECLINE, HOLD, ESCALATE, UNDO;

    public boolean isFinal() {
        return this == APPROVE || this == DECLINE || this == REVERSE_DECLINE;
    }

    /** Whether money moves: a reversal lets the order through, like an approval. */
    public boolean letsOrderThrough() {
        return this == APPROVE || this == REVERSE_DECLINE;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DecisionAction> fromWireName(String name) {
        for (DecisionAction a : values()) {
            if (a.wireName().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
