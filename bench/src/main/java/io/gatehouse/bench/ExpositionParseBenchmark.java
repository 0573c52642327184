package io.gatehouse.bench;

import io.gatehouse.connectors.telemetry.exposition.ExpositionLimits;
import io.gatehouse.connectors.telemetry.exposition.ExpositionParser;
import java.io.IOException;
import java.io.StringReader;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Raw parse rate of a checkout-shaped exposition (8 regions x 5 rails: counters by reason and a
 * latency histogram): the ceiling for any telemetry ingest built on the parser.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExpositionParseBenchmark {
    static final int SAMPLES;
    static final String TEXT;

    static {
        StringBuilder b = new StringBuilder();
        int samples = 0;
        String[] regions = {"na", "eu", "uk", "in", "jp", "kr", "br", "mx"};
        String[] rails = {"card", "wallet", "bank_transfer", "upi", "pix"};
        String[] reasons = {"insufficient_funds", "do_not_honor", "fraud_suspected", "cvc_mismatch", "avs_mismatch"};
        b.append("# HELP checkout_attempts_total Checkout attempts.\n# TYPE checkout_attempts_total counter\n");
        for (String region : regions) {
            for (String rail : rails) {
                b.append("checkout_attempts_total{region=\"").append(region).append("\",rail=\"").append(rail)
                        .append("\"} ").append(123456 + samples).append('\n');
                samples++;
            }
        }
        b.append("# HELP checkout_declines_total Declines by reason.\n# TYPE checkout_declines_total counter\n");
        for (String region : regions) {
            for (String rail : rails) {
                for (String reason : reasons) {
                    b.append("checkout_declines_total{region=\"").append(region).append("\",rail=\"").append(rail)
                            .append("\",reason=\"").append(reason).append("\"} ").append(42 + samples).append('\n');
                    samples++;
                }
            }
        }
        b.append("# HELP checkout_latency_seconds Latency.\n# TYPE checkout_latency_seconds histogram\n");
        String[] bounds = {"0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "+Inf"};
        for (String region : regions) {
            for (String rail : rails) {
                for (String le : bounds) {
                    b.append("checkout_latency_seconds_bucket{region=\"").append(region).append("\",rail=\"").append(rail)
                            .append("\",le=\"").append(le).append("\"} ").append(samples).append('\n');
                    samples++;
                }
                b.append("checkout_latency_seconds_sum{region=\"").append(region).append("\",rail=\"").append(rail)
                        .append("\"} 1234.5\n");
                b.append("checkout_latency_seconds_count{region=\"").append(region).append("\",rail=\"").append(rail)
                        .append("\"} 9876\n");
                samples += 2;
            }
        }
        SAMPLES = samples;
        TEXT = b.toString();
    }

    @Setup
    public void check() throws IOException {
        long parsed = new ExpositionParser(ExpositionLimits.DEFAULT).parse(new StringReader(TEXT), s -> { });
        if (parsed != SAMPLES) {
            throw new IllegalStateException("expected " + SAMPLES + " samples, parsed " + parsed);
        }
    }

    /** Samples per second, through a fresh parser per scrape as the telemetry source uses it. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(600)
    public long parseScrape(Blackhole sink) throws IOException {
        return new ExpositionParser(ExpositionLimits.DEFAULT).parse(new StringReader(TEXT), sink::consume);
    }
}
