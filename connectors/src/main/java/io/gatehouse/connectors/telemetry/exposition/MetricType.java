package io.gatehouse.connectors.telemetry.exposition;

/** A metric family's type as declared by its {@code # TYPE} line. */
public enum MetricType {
    COUNTER, GAUGE, HISTOGRAM, SUMMARY, UNTYPED;

    static MetricType parse(String text) {
        for (MetricType type : values()) {
            if (type.name().equalsIgnoreCase(text)) {
                return type;
            }
        }
        return null;
    }
}
