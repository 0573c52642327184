package io.gatehouse.bench;

import io.gatehouse.data.telemetry.HubLimits;
import io.gatehouse.data.telemetry.HubStats;
import io.gatehouse.data.telemetry.SeriesKey;
import io.gatehouse.data.telemetry.TelemetryHub;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seven simulated days of dashboard telemetry into the hub with its default bounds: every KPI of 8
 * regions (104 series, as {@link TelemetryHubIngestBenchmark}), a point every 5 s. At the end of
 * each day: points held against the stated bound, and heap after a full GC. Exits 1 when the
 * points pass the bound or day 7's heap is more than 10% above day 1's.
 *
 * <p>Usage: {@code HubWeekFootprint [--smoke]}; the smoke run takes a point a minute.
 */
public final class HubWeekFootprint {
    private HubWeekFootprint() {
    }

    public static void main(String[] args) {
        boolean smoke = args.length > 0 && args[0].equals("--smoke");
        Duration step = smoke ? Duration.ofMinutes(1) : Duration.ofSeconds(5);
        Instant start = Instant.parse("2026-03-02T00:00:00Z");
        AtomicLong now = new AtomicLong(start.toEpochMilli());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = heapAfterGc(memory);
        HubLimits limits = HubLimits.DEFAULT;
        TelemetryHub hub = new TelemetryHub(limits, () -> Instant.ofEpochMilli(now.get()));
        SeriesKey[] keys = TelemetryHubIngestBenchmark.KEYS;
        long bound = (long) keys.length * (limits.recentPoints() + limits.olderPoints() + 1);
        long stepMillis = step.toMillis();
        long perDay = Duration.ofDays(1).toMillis() / stepMillis;
        double dayOne = 0;
        double dayLast = 0;
        long ingested = 0;
        boolean ok = true;
        for (int day = 1; day <= 7; day++) {
            for (long i = 0; i < perDay; i++) {
                long at = now.addAndGet(stepMillis);
                for (int k = 0; k < keys.length; k++) {
                    // a daily wave per series, so the averaged buckets hold real means
                    double v = 100 + 50 * Math.sin((at / 86_400_000.0 + k / 13.0) * 2 * Math.PI);
                    hub.ingest(keys[k], at, v);
                }
                ingested += keys.length;
            }
            hub.evictSilent();
            HubStats stats = hub.stats();
            double heapMiB = (heapAfterGc(memory) - baseline) / 1048576.0;
            if (day == 1) {
                dayOne = heapMiB;
            }
            dayLast = heapMiB;
            ok &= stats.points() <= bound;
            System.out.printf("day %d: %,d samples ingested, %,d points held (bound %,d), %.2f MiB heap after GC%n", day,
                    ingested, stats.points(), bound, heapMiB);
        }
        double growth = dayOne == 0 ? 0 : (dayLast - dayOne) / dayOne;
        System.out.printf("day 7 heap is %+.1f%% of day 1 (limit +10%%)%n", growth * 100);
        ok &= growth <= 0.10;
        System.exit(ok ? 0 : 1);
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
