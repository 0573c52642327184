package io.gatehouse.connectors.telemetry.exposition;

import java.util.List;

/**
 * One sample line. {@code family} is the metric family it belongs to (for {@code x_bucket} of a
 * histogram, {@code x}); {@code labels} alternate name and value, in the order written.
 */
public record ExpositionSample(String family, MetricType type, String name, List<String> labels, double value,
        Long timestampMillis) {

    /** The value of label {@code name}, or null. */
    public String label(String labelName) {
        for (int i = 0; i < labels.size(); i += 2) {
            if (labels.get(i).equals(labelName)) {
                return labels.get(i + 1);
            }
        }
        return null;
    }
}
