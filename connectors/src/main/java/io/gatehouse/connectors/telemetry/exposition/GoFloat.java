package io.gatehouse.connectors.telemetry.exposition;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses numbers the way the exporters' Go code writes them: decimal with optional exponent,
 * and Inf/NaN spelled in any case. Java's own parser would also accept "1d" or "0x1p3"; those
 * are refused here, since Prometheus refuses them.
 */
final class GoFloat {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    private GoFloat() {
    }

    /** The value, or NaN when the text is not a number (see {@link #isNaNText}). */
    static double parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "nan":
                return Double.NaN;
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (text.length() > 400 || !DECIMAL.matcher(text).matches()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(text);
        // Go reports overflow as an error where Java rounds to infinity
        return Double.isInfinite(value) ? Double.NaN : value;
    }

    static boolean isNaNText(String text) {
        return text.equalsIgnoreCase("nan");
    }
}
