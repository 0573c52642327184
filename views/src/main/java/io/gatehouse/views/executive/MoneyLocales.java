package io.gatehouse.views.executive;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * The locale each reporting currency is written in: its home market's conventions (1.234,56 € in
 * Germany, ₹12,34,567.00 in India, ₩1,234,567 in Korea), whatever language the slides are in, so
 * an amount reads the way the people who hold that money write it.
 */
final class MoneyLocales {
    private static final Map<String, String> HOME = Map.ofEntries(
            Map.entry("USD", "en-US"), Map.entry("EUR", "de-DE"), Map.entry("GBP", "en-GB"), Map.entry("INR", "en-IN"),
            Map.entry("KRW", "ko-KR"), Map.entry("JPY", "ja-JP"), Map.entry("BRL", "pt-BR"), Map.entry("MXN", "es-MX"),
            Map.entry("CAD", "en-CA"), Map.entry("AUD", "en-AU"), Map.entry("CHF", "de-CH"), Map.entry("SGD", "en-SG"),
            Map.entry("AED", "en-AE"));

    private MoneyLocales() {
    }

    /** The currency's home locale, or {@code fallback} for a currency without one. */
    static Locale of(Currency currency, Locale fallback) {
        String tag = HOME.get(currency.getCurrencyCode());
        return tag == null ? fallback : Locale.forLanguageTag(tag);
    }
}
