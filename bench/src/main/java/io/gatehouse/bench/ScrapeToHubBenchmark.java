package io.gatehouse.bench;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Samples per second from exposition text into the telemetry hub: parse, series lookup and hub
 * ingest of the same 600-sample scrape {@link ExpositionParseBenchmark} parses alone, so the two
 * scores read as "ingest" beside "ceiling". The target is 200,000 samples/s on the 2-core machine.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScrapeToHubBenchmark {
    private static final long START = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
    private ScrapeIngest ingest;

    @Setup
    public void setUp() {
        ingest = new ScrapeIngest(START);
    }

    @TearDown
    public void check() {
        if (ingest.hub().stats().droppedOverCapacity() > 0 || ingest.hub().stats().droppedOutOfOrder() > 0) {
            throw new IllegalStateException("the hub dropped samples: " + ingest.hub().stats());
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(600)
    public long parseAndIngest() {
        return ingest.scrape(ExpositionParseBenchmark.TEXT);
    }
}
