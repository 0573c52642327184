package io.gatehouse.connectors.telemetry;

import java.util.List;
import java.util.Map;

/**
 * The counter values of one scrape of the sandbox's {@code /metrics}, kept only for the metric
 * names the KPIs use.
 */
record SandboxScrape(long atMillis, Map<SeriesId, Double> values) {

    /** A sample's name and labels (name, value, name, value…) as the sandbox writes them. */
    record SeriesId(String name, List<String> labels) {
        String label(String labelName) {
            for (int i = 0; i < labels.size(); i += 2) {
                if (labels.get(i).equals(labelName)) {
                    return labels.get(i + 1);
                }
            }
            return null;
        }
    }
}
