package io.gatehouse.data.review;

import java.util.Map;
import java.util.Objects;

/**
 * When a reversal needs a second person. Thresholds are per currency in minor units, since one
 * number cannot mean the same in yen and in euros; a reversal strictly above its currency's
 * threshold needs a checker. A currency with no threshold always needs one: the policy errs on
 * the side of a second look.
 */
public record FourEyesPolicy(Map<String, Long> thresholds) {
    public FourEyesPolicy {
        thresholds = Map.copyOf(Objects.requireNonNull(thresholds, "thresholds"));
        thresholds.forEach((currency, minor) -> {
            if (!currency.matches("[A-Z]{3}") || minor < 0) {
                throw new IllegalArgumentException("bad four-eyes threshold " + currency + " " + minor);
            }
        });
    }

    /** Roughly 500 US dollars in each currency the sandbox trades in. */
    public static FourEyesPolicy defaults() {
        return new FourEyesPolicy(Map.of("USD", 50_000L, "CAD", 70_000L, "EUR", 50_000L, "GBP", 40_000L,
                "INR", 4_000_000L, "JPY", 75_000L, "KRW", 700_000L, "BRL", 250_000L, "MXN", 900_000L));
    }

    public boolean needsSecondPerson(DecisionAction action, Money amount) {
        if (!DecisionAction.REVERSE_DECLINE.equals(action)) {
            return false;
        }
        Long threshold = thresholds.get(amount.currency());
        return threshold == null || amount.minor() > threshold;
    }
}
