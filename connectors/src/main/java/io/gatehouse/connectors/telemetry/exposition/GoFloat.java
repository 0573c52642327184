package io.gatehouse.connectors.telemetry.exposition;

import java.util.Locale;

/**
 * Parses numbers the way the exporters' Go code writes them: decimal with optional exponent,
 * and Inf/NaN spelled in any case. Java's own parser would also accept "1d" or "0x1p3"; those
 * are refused here, since Prometheus refuses them.
 */
final class GoFloat {
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
        if (text.length() > 400 || !isDecimal(text)) {
            return Double.NaN;
        }
        double value = Double.parseDouble(text);
        // Go reports overflow as an error where Java rounds to infinity
        return Double.isInfinite(value) ? Double.NaN : value;
    }

    // Hand-written equivalent of [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)? : a regex here costs
    // more than the rest of the line's parsing.
    static boolean isDecimal(String t) {
        int i = 0;
        int n = t.length();
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(t.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits == 0 && fracDigits == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isNaNText(String text) {
        return text.equalsIgnoreCase("nan");
    }
}
