package io.gatehouse.data.executive;

/** How exposed a region is, from its checkout telemetry. */
public enum RiskLevel {
    /** No telemetry for the region: nothing can be said. */
    UNKNOWN,
    LOW,
    ELEVATED,
    HIGH
}
