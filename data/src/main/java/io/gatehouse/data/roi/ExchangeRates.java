package io.gatehouse.data.roi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reference rates that convert ROI amounts into the reporting currency. They are indicative, for
 * reports only, and stated against one US dollar.
 */
public final class ExchangeRates {
    private final Map<String, BigDecimal> perDollar;

    public ExchangeRates(Map<String, BigDecimal> perDollar) {
        Map<String, BigDecimal> copy = new TreeMap<>();
        perDollar.forEach((code, rate) -> {
            Currency.getInstance(code);
            if (rate.signum() <= 0) {
                throw new IllegalArgumentException("the rate of " + code + " must be positive");
            }
            copy.put(code, rate);
        });
        copy.putIfAbsent("USD", BigDecimal.ONE);
        this.perDollar = Map.copyOf(copy);
    }

    /** The rates shipped with the console ({@code reference-rates.properties}). */
    public static ExchangeRates reference() {
        Properties p = new Properties();
        try (InputStream in = ExchangeRates.class.getResourceAsStream("reference-rates.properties")) {
            p.load(Objects.requireNonNull(in, "reference-rates.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, BigDecimal> rates = new TreeMap<>();
        p.stringPropertyNames().forEach(code -> rates.put(code, new BigDecimal(p.getProperty(code).trim())));
        return new ExchangeRates(rates);
    }

    /** The currencies with a rate, in alphabetical order. */
    public Set<String> currencies() {
        return new java.util.TreeSet<>(perDollar.keySet());
    }

    public boolean knows(Currency currency) {
        return perDollar.containsKey(currency.getCurrencyCode());
    }

    /**
     * {@code amount} in {@code target}, unrounded.
     *
     * @throws IllegalArgumentException for a currency without a rate, naming it
     */
    public Amount convert(Amount amount, Currency target) {
        if (amount.currency().equals(target)) {
            return amount;
        }
        BigDecimal from = rate(amount.currency());
        BigDecimal to = rate(target);
        return new Amount(amount.value().multiply(to).divide(from, MathContext.DECIMAL64), target);
    }

    private BigDecimal rate(Currency currency) {
        BigDecimal rate = perDollar.get(currency.getCurrencyCode());
        if (rate == null) {
            throw new IllegalArgumentException("There is no reference rate for " + currency.getCurrencyCode()
                    + "; report in one of " + String.join(", ", new java.util.TreeSet<>(perDollar.keySet())) + ".");
        }
        return rate;
    }
}
