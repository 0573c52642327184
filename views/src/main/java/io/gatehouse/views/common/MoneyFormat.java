package io.gatehouse.views.common;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * Formats money exactly, always with its currency. Amounts are minor units (cents, fils) or
 * {@link BigDecimal}s; the number of fraction digits comes from {@link Currency}. No floating point.
 */
public final class MoneyFormat {
    private MoneyFormat() {
    }

    /** For example 123456 minor units of EUR in German: {@code 1.234,56 €}. */
    public static String format(long minorUnits, Currency currency, Locale locale) {
        return format(toMajor(minorUnits, currency), currency, locale);
    }

    /**
     * Formats an amount in major units. An amount with more fraction digits than the currency has is
     * refused with an {@link ArithmeticException} rather than silently rounded.
     */
    public static String format(BigDecimal amount, Currency currency, Locale locale) {
        Objects.requireNonNull(amount, "amount");
        int digits = fractionDigits(currency);
        BigDecimal exact = amount.setScale(Math.max(digits, 0), java.math.RoundingMode.UNNECESSARY);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        if (format instanceof DecimalFormat decimal) {
            decimal.setParseBigDecimal(true);
        }
        return format.format(exact);
    }

    /** Minor units to major units, exactly: 12345 JPY is 12345, 12345 KWD is 12.345. */
    public static BigDecimal toMajor(long minorUnits, Currency currency) {
        return BigDecimal.valueOf(minorUnits, fractionDigits(currency));
    }

    /** Fraction digits of a currency; currencies without any (gold, test codes) count as 0. */
    public static int fractionDigits(Currency currency) {
        return Math.max(0, Objects.requireNonNull(currency, "currency").getDefaultFractionDigits());
    }
}
