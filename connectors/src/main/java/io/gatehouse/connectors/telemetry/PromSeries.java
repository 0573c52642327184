package io.gatehouse.connectors.telemetry;

import java.util.Map;

/**
 * One series of a Prometheus query result: its labels and its points. An instant vector has one
 * point per series; a scalar is one series with no labels. {@code epochMillis[i]} is the time of
 * {@code values[i]}; values may be NaN or infinite, exactly as Prometheus sent them.
 */
public record PromSeries(Map<String, String> labels, long[] epochMillis, double[] values) {
    public PromSeries {
        labels = Map.copyOf(labels);
        if (epochMillis.length != values.length) {
            throw new IllegalArgumentException("one timestamp per value");
        }
    }

    public String label(String name) {
        return labels.get(name);
    }
}
