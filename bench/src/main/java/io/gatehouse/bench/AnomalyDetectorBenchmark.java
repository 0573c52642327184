package io.gatehouse.bench;

import io.gatehouse.data.anomaly.AnomalyDetector;
import io.gatehouse.data.anomaly.AnomalySettings;
import io.gatehouse.data.anomaly.Observation;
import io.gatehouse.data.anomaly.Signal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The anomaly detector judging a simulated week: one observation a minute for every signal of six
 * regions (7 x 1440 x 6 x 7 = 423 360), with a daily rhythm and Poisson noise, into a fresh detector
 * each time so the baselines learn from cold as in the console. The score is observations per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
@State(Scope.Benchmark)
public class AnomalyDetectorBenchmark {
    static final int REGIONS = 6;
    static final int MINUTES = 7 * 24 * 60;
    /** Seven signals per region; a constant because JMH needs one. */
    static final int OBSERVATIONS = MINUTES * REGIONS * 7;

    private List<Observation> week;

    @Setup
    public void simulate() {
        Instant start = Instant.parse("2026-03-02T00:00:00Z");
        SplittableRandom random = new SplittableRandom(42);
        week = new ArrayList<>(OBSERVATIONS);
        for (int m = 0; m < MINUTES; m++) {
            Instant at = start.plus(Duration.ofMinutes(m));
            double hour = at.atZone(ZoneOffset.UTC).getHour() + at.atZone(ZoneOffset.UTC).getMinute() / 60.0;
            for (int r = 0; r < REGIONS; r++) {
                double load = 0.1 + 0.9 * (1 + Math.cos(2 * Math.PI * (hour + 4 * r - 20) / 24)) / 2;
                double attempts = poisson(random, 2 * 30 * load) + 1;
                String region = "region-" + r;
                week.add(new Observation(region, Signal.LOGIN_FAILURES, at, poisson(random, 2 * 3 * load), 2));
                week.add(new Observation(region, Signal.TOKEN_FAILURES, at, poisson(random, 0.6), 2));
                week.add(new Observation(region, Signal.DECLINES, at, Math.min(attempts, poisson(random, attempts * 0.08)), attempts));
                week.add(new Observation(region, Signal.CHECKOUT_ERRORS, at, Math.min(attempts, poisson(random, attempts * 0.005)), attempts));
                week.add(new Observation(region, Signal.SLOW_CHECKOUTS, at, Math.min(attempts, poisson(random, attempts * 0.02)), attempts));
                week.add(new Observation(region, Signal.P95_LATENCY, at, 0.8 + 0.1 * random.nextDouble(), attempts));
                week.add(new Observation(region, Signal.FOREIGN_ORIGIN, at, Math.min(attempts, poisson(random, attempts * 0.02)), attempts));
            }
        }
    }

    private static int poisson(SplittableRandom r, double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    @Benchmark
    @OperationsPerInvocation(OBSERVATIONS)
    public long judgeAWeek() {
        AnomalyDetector detector = new AnomalyDetector(AnomalySettings.standard());
        long detections = 0;
        for (Observation o : week) {
            if (detector.observe(o) != null) {
                detections++;
            }
        }
        return detections;
    }
}
