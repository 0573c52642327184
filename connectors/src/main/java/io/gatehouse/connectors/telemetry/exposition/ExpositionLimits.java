package io.gatehouse.connectors.telemetry.exposition;

/**
 * Bounds that keep a hostile or broken endpoint from exhausting memory: the parser holds at most
 * one line plus the set of family names, whatever the size of the input.
 */
public record ExpositionLimits(int maxLineChars, int maxLabelsPerSample, int maxFamilies, long maxSamples) {
    public static final ExpositionLimits DEFAULT = new ExpositionLimits(64 * 1024, 64, 10_000, 5_000_000);
}
