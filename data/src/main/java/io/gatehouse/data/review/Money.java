package io.gatehouse.data.review;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An amount in the currency's minor units (cents, whole yen) and its ISO 4217 code; never floating point. */
public record Money(long minor, String currency) {
    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an upper-case ISO 4217 code, got '" + currency + "'");
        }
    }

    /**
     * The currency's default fraction digits; a code the JDK does not know is shown as whole minor
     * units rather than guessed at.
     */
    public int fractionDigits() {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return Math.max(digits, 0);
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** The amount in major units as plain decimal text, for example {@code 12.30} or {@code 8000}. */
    public String plain() {
        return BigDecimal.valueOf(minor, fractionDigits()).toPlainString();
    }

    @Override
    public String toString() {
        return plain() + " " + currency;
    }
}
