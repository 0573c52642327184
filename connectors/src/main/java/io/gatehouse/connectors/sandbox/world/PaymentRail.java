package io.gatehouse.connectors.sandbox.world;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** How a shopper pays: cards and wallets carry card checks, the others are push payments. */
public enum PaymentRail {
    CARD(true), WALLET(true), BANK_TRANSFER(false), UPI(false), PIX(false), KONBINI(false);

    private final boolean cardBased;

    PaymentRail(boolean cardBased) {
        this.cardBased = cardBased;
    }

    /** Cards and tokenised wallet cards have a BIN, a fingerprint and AVS/CVC/3DS results. */
    public boolean cardBased() {
        return cardBased;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PaymentRail> fromWireName(String name) {
        for (PaymentRail r : values()) {
            if (r.wireName().equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
