package io.gatehouse.views.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyFormatTest {
    private static final Locale EN = Locale.forLanguageTag("en");
    private static final Locale DE = Locale.forLanguageTag("de");
    private static final String NBSP = "\u00a0";

    @Test
    void minorUnitsFollowTheCurrencysFractionDigits() {
        assertThat(MoneyFormat.format(123_456_789L, Currency.getInstance("JPY"), EN)).isEqualTo("¥123,456,789");
        assertThat(MoneyFormat.format(123_456_789L, Currency.getInstance("EUR"), EN)).isEqualTo("€1,234,567.89");
        assertThat(MoneyFormat.format(123_456_789L, Currency.getInstance("KWD"), EN)).isEqualTo("KWD123,456.789");
    }

    @Test
    void germanPutsTheCurrencyAfterTheAmountWithGermanSeparators() {
        assertThat(MoneyFormat.format(123_456_789L, Currency.getInstance("JPY"), DE)).isEqualTo("123.456.789" + NBSP + "¥");
        assertThat(MoneyFormat.format(123_456_789L, Currency.getInstance("EUR"), DE)).isEqualTo("1.234.567,89" + NBSP + "€");
        assertThat(MoneyFormat.format(123_456_789L, Currency.getInstance("KWD"), DE)).isEqualTo("123.456,789" + NBSP + "KWD");
    }

    @Test
    void wholeAmountsStillShowEveryFractionDigit() {
        assertThat(MoneyFormat.format(new BigDecimal("5"), Currency.getInstance("EUR"), EN)).isEqualTo("€5.00");
        assertThat(MoneyFormat.format(new BigDecimal("5"), Currency.getInstance("KWD"), DE)).isEqualTo("5,000" + NBSP + "KWD");
    }

    @Test
    void largeAmountsStayExact() {
        long minor = 9_007_199_254_740_993L; // not representable as a double
        assertThat(MoneyFormat.format(minor, Currency.getInstance("EUR"), EN)).isEqualTo("€90,071,992,547,409.93");
    }

    @Test
    void moreFractionDigitsThanTheCurrencyHasAreRefusedNotRounded() {
        assertThatThrownBy(() -> MoneyFormat.format(new BigDecimal("1.5"), Currency.getInstance("JPY"), EN))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void minorToMajorIsExact() {
        assertThat(MoneyFormat.toMajor(12_345, Currency.getInstance("KWD"))).isEqualByComparingTo("12.345");
        assertThat(MoneyFormat.toMajor(12_345, Currency.getInstance("JPY"))).isEqualByComparingTo("12345");
        assertThat(MoneyFormat.toMajor(-1, Currency.getInstance("EUR"))).isEqualByComparingTo("-0.01");
    }
}
