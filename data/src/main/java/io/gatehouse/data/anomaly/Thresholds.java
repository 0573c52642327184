package io.gatehouse.data.anomaly;

/**
 * How sure and how large a deviation must be before it is an alert, for one region.
 *
 * @param zScore         standard deviations above the seasonal expectation
 * @param minRatio       how many times the expectation the observation must reach
 * @param confirmSamples consecutive anomalous observations before an anomaly opens
 * @param clearSamples   consecutive normal observations before it closes
 * @param warmupSamples  observations a series needs before it may alert at all
 */
public record Thresholds(double zScore, double minRatio, int confirmSamples, int clearSamples, int warmupSamples) {
    public static final Thresholds DEFAULTS = new Thresholds(6.0, 2.0, 2, 10, 60);

    public Thresholds {
        if (!(zScore >= 2 && zScore <= 50)) {
            throw new IllegalArgumentException("zScore must be between 2 and 50, got " + zScore);
        }
        if (!(minRatio >= 1 && minRatio <= 100)) {
            throw new IllegalArgumentException("minRatio must be between 1 and 100, got " + minRatio);
        }
        if (confirmSamples < 1 || confirmSamples > 60) {
            throw new IllegalArgumentException("confirmSamples must be between 1 and 60, got " + confirmSamples);
        }
        if (clearSamples < 1 || clearSamples > 1440) {
            throw new IllegalArgumentException("clearSamples must be between 1 and 1440, got " + clearSamples);
        }
        if (warmupSamples < 0 || warmupSamples > 100_000) {
            throw new IllegalArgumentException("warmupSamples must be between 0 and 100000, got " + warmupSamples);
        }
    }
}
