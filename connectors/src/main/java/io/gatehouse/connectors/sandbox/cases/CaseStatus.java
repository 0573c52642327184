package io.gatehouse.connectors.sandbox.cases;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Where a case stands: waiting for review, declined by the rules, or decided by an analyst. */
public enum CaseStatus {
    REVIEW, AUTO_DECLINED, DECIDED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CaseStatus> fromWireName(String name) {
        for (CaseStatus s : values()) {
            if (s.wireName().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
