package io.gatehouse.connectors.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads sample values out of Prometheus text exposition, for assertions. */
final class MetricsText {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private MetricsText() {
    }

    /** Sum of every sample of {@code name} whose labels include all of {@code wanted}. */
    static double sum(String text, String name, Map<String, String> wanted) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line.trim());
            if (!m.matches() || !m.group(1).equals(name)) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            if (labels.entrySet().containsAll(wanted.entrySet())) {
                total += Double.parseDouble(m.group(4));
            }
        }
        return total;
    }

    /** Sum of histogram bucket counts at the bound {@code le} (matched numerically). */
    static double bucket(String text, String histogram, Map<String, String> wanted, double le) {
        double total = 0;
        for (String bound : new String[] {String.valueOf(le), String.valueOf((long) le)}) {
            Map<String, String> labels = new LinkedHashMap<>(wanted);
            labels.put("le", bound);
            total += sum(text, histogram + "_bucket", labels);
        }
        return total;
    }
}
