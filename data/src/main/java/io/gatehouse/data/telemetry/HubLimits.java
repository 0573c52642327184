package io.gatehouse.data.telemetry;

import java.time.Duration;

/**
 * The bounds of the telemetry hub. Memory is at most
 * {@code maxSeries × (recentPoints + olderPoints + 1) × 16 bytes} of points, whatever the ingest rate
 * or the run time: older points are averaged into {@code olderStep} buckets, never hoarded.
 *
 * @param maxSeries              distinct (region, KPI, detail) series kept; new series beyond it are dropped and counted
 * @param maxDetailsPerRegionKpi distinct details (decline reasons) per region and KPI, so one noisy label cannot take every slot
 * @param recentPoints           raw points kept per series
 * @param olderPoints            averaged buckets kept per series, after the raw points
 * @param olderStep              the width of one averaged bucket
 * @param staleAfter             a series with no point this recent reads as "no data"
 */
public record HubLimits(int maxSeries, int maxDetailsPerRegionKpi, int recentPoints, int olderPoints,
        Duration olderStep, Duration staleAfter) {

    /**
     * 8 regions × 8 KPIs with room for reasons; an hour of 5-second points raw, then 7 days of
     * 5-minute means, plus the bucket being filled: 1024 × 2737 points, at most 43 MiB; about
     * 3.5 MiB for the sandbox's 6 regions.
     */
    public static final HubLimits DEFAULT = new HubLimits(1024, 16, 720, 2016, Duration.ofMinutes(5),
            Duration.ofMinutes(2));

    public HubLimits {
        if (maxSeries < 1 || maxDetailsPerRegionKpi < 1 || recentPoints < 2 || olderPoints < 1) {
            throw new IllegalArgumentException("hub limits must be positive (at least 2 recent points)");
        }
        if (olderStep.toMillis() < 1 || staleAfter.toMillis() < 1) {
            throw new IllegalArgumentException("hub durations must be positive");
        }
    }

    /** The most points the hub can hold: raw, averaged, and one open bucket per series. */
    public long maxPoints() {
        return (long) maxSeries * (recentPoints + olderPoints + 1);
    }
}
