package io.gatehouse.bench;

import io.gatehouse.data.telemetry.HubLimits;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.SeriesKey;
import io.gatehouse.data.telemetry.TelemetryHub;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Samples per second into the telemetry hub with its default bounds. One operation is one
 * dashboard refresh's worth: every KPI of 8 regions, decline rate split over 6 reasons (104
 * series), each a millisecond newer than the last, so the rings wrap and older points are folded
 * into averaged buckets as in a long run. The target is 200 000 samples/s on the 2-core machine.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TelemetryHubIngestBenchmark {
    static final SeriesKey[] KEYS;

    static {
        List<SeriesKey> keys = new ArrayList<>();
        String[] regions = {"north_america", "eu", "uk", "india", "japan_korea", "brazil_latam", "oceania", "africa"};
        String[] reasons = {"insufficient_funds", "do_not_honor", "expired_card", "incorrect_cvc", "fraudulent",
                "avs_mismatch"};
        for (String region : regions) {
            for (Kpi kpi : Kpi.values()) {
                if (kpi.detailLabel() == null) {
                    keys.add(SeriesKey.of(region, kpi));
                } else {
                    for (String reason : reasons) {
                        keys.add(new SeriesKey(region, kpi, reason));
                    }
                }
            }
        }
        KEYS = keys.toArray(SeriesKey[]::new);
    }

    private TelemetryHub hub;
    private final AtomicLong clockMillis = new AtomicLong(1_772_452_800_000L);

    @Setup
    public void setUp() {
        // the hub's clock follows the refresh clock, so no sample reads as from a skewed clock ahead
        hub = new TelemetryHub(HubLimits.DEFAULT, () -> java.time.Instant.ofEpochMilli(
                Math.max(clockMillis.get(), Source.NEWEST.get())));
        // the sandbox's exposition grows with new KPIs (rails added 48 series); what matters is that there are some
        if (KEYS.length == 0) {
            throw new IllegalStateException("the sandbox exposition gave no series to ingest");
        }
    }

    /** One thread ingesting: the connector's refresh thread. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(104)
    public void ingestRefresh() {
        long at = clockMillis.incrementAndGet();
        for (int i = 0; i < KEYS.length; i++) {
            hub.ingest(KEYS[i], at, 0.01 * (i + 1));
        }
    }

    /** The series one of two concurrent sources owns: half of the regions, with its own clock. */
    @State(Scope.Thread)
    public static class Source {
        private static final AtomicLong NEXT = new AtomicLong();
        static final AtomicLong NEWEST = new AtomicLong();
        SeriesKey[] keys;
        long at = 1_772_452_800_000L;

        @Setup
        public void pick() {
            int half = (int) (NEXT.getAndIncrement() % 2);
            keys = java.util.Arrays.copyOfRange(KEYS, half * 52, half * 52 + 52);
        }
    }

    /**
     * Two threads ingesting at once (two sources, disjoint series), contending for the hub's lock.
     * One operation is 52 samples, so the score is samples/s per thread; JMH sums the threads.
     */
    @Benchmark
    @Threads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(52)
    public void ingestTwoSources(Source source) {
        long at = ++source.at;
        if ((at & 1023) == 0) {
            Source.NEWEST.accumulateAndGet(at, Math::max);
        }
        SeriesKey[] keys = source.keys;
        for (int i = 0; i < keys.length; i++) {
            hub.ingest(keys[i], at, 0.01 * (i + 1));
        }
    }
}
