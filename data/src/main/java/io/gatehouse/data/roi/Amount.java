package io.gatehouse.data.roi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/** An amount of money in major units with its currency; never floating point. */
public record Amount(BigDecimal value, Currency currency) {
    public Amount {
        // one amount, one representation: 1500, 1500.00 and 1.5E+3 are the same money
        value = Objects.requireNonNull(value, "value").stripTrailingZeros();
        Objects.requireNonNull(currency, "currency");
    }

    public static Amount of(String value, String currency) {
        return new Amount(new BigDecimal(value), Currency.getInstance(currency));
    }

    public static Amount zero(Currency currency) {
        return new Amount(BigDecimal.ZERO, currency);
    }

    /** The amount rounded to the currency's own fraction digits (whole won, cents for euros). */
    public Amount rounded() {
        return new Amount(value.setScale(fractionDigits(), RoundingMode.HALF_EVEN), currency);
    }

    /** The value with exactly the currency's fraction digits, for formatting: 1500 EUR is 1500.00. */
    public BigDecimal scaled() {
        return value.setScale(fractionDigits(), RoundingMode.HALF_EVEN);
    }

    public int fractionDigits() {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    public Amount plus(Amount other) {
        requireSameCurrency(other);
        return new Amount(value.add(other.value), currency);
    }

    public Amount minus(Amount other) {
        requireSameCurrency(other);
        return new Amount(value.subtract(other.value), currency);
    }

    public Amount times(BigDecimal factor) {
        return new Amount(value.multiply(factor), currency);
    }

    private void requireSameCurrency(Amount other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency + " without converting");
        }
    }

    @Override
    public String toString() {
        return value.toPlainString() + " " + currency.getCurrencyCode();
    }
}
