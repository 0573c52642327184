package io.gatehouse.bench;

import io.gatehouse.connectors.sandbox.SandboxOptions;
import io.gatehouse.connectors.sandbox.SandboxWorld;
import io.gatehouse.connectors.sandbox.SimulatedClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One simulated day of the sandbox at speed 1440, where it spans one wall minute. The time per operation
 * is the CPU cost of a day (the work is single-threaded and never waits); divided by 60 s it is the share
 * of one core the sandbox uses at that speed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
@State(Scope.Benchmark)
public class SandboxDayBenchmark {
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final double SPEED = 1440;

    @Param({"42"})
    public long seed;

    /** Cases generated (reported as cases per second) and CPU time used by the simulating thread. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Usage {
        public long cases;
        public long cpuMillis;

        @Setup(Level.Iteration)
        public void reset() {
            cases = 0;
            cpuMillis = 0;
        }
    }

    /** A wall clock advanced by the benchmark, so the measured time is the simulation's work alone. */
    private static final class SteppedWall implements InstantSource {
        private Instant now = Instant.parse("2030-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Benchmark
    public long simulatedDayAtSpeed1440(Usage usage) {
        SteppedWall wall = new SteppedWall();
        SimulatedClock clock = new SimulatedClock(START, wall, SPEED);
        SandboxWorld world = new SandboxWorld(seed, START, clock, SandboxOptions.DEFAULT_MAX_CASES);
        long cpuBefore = threads.getCurrentThreadCpuTime();
        // A Prometheus scrape every 15 s of wall time is what brings the world up to date when it runs standalone.
        for (int scrape = 0; scrape < 4; scrape++) {
            wall.now = wall.now.plus(Duration.ofSeconds(15));
            world.advanceTo(clock.instant());
            world.metrics().scrape();
        }
        usage.cpuMillis += (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
        long generated = world.store().size() + world.store().evicted();
        usage.cases += generated;
        return generated;
    }
}
