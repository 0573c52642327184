package io.gatehouse.views.executive;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups digits the Indian way (lakh and crore: 18,37,00,000) where the JDK cannot: its
 * DecimalFormat knows one grouping size, so en-IN comes out as 183,700,000.
 */
final class IndianGrouping {
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+");

    private IndianGrouping() {
    }

    /** Regroups the first grouped integer in {@code formatted}: the last three digits, then pairs. */
    static String apply(String formatted) {
        Matcher m = GROUPED.matcher(formatted);
        if (!m.find()) {
            return formatted;
        }
        String digits = m.group().replace(",", "");
        StringBuilder out = new StringBuilder(digits.substring(digits.length() - 3));
        int end = digits.length() - 3;
        while (end > 0) {
            int start = Math.max(0, end - 2);
            out.insert(0, digits.substring(start, end) + ",");
            end = start;
        }
        return formatted.substring(0, m.start()) + out + formatted.substring(m.end());
    }
}
