package io.gatehouse.bench;

import io.gatehouse.connectors.telemetry.exposition.ExpositionLimits;
import io.gatehouse.connectors.telemetry.exposition.ExpositionParser;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The same comparison as {@link ScrapeToHubBenchmark} against {@link ExpositionParseBenchmark}, in
 * samples per second of this thread's CPU time as well as of wall time. On a machine shared with
 * other work the wall rate says how busy the machine was; the CPU rate says what one core does.
 * Alternates the two paths in rounds so both see the same load.
 *
 * <p>Usage: {@code IngestCpuRate [--smoke] [rounds]}; default 10 rounds of 1 s per path.
 */
public final class IngestCpuRate {
    private IngestCpuRate() {
    }

    public static void main(String[] args) throws IOException {
        boolean smoke = args.length > 0 && args[0].equals("--smoke");
        int rounds = args.length > (smoke ? 1 : 0) ? Integer.parseInt(args[smoke ? 1 : 0]) : (smoke ? 2 : 10);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ScrapeIngest ingest = new ScrapeIngest(Instant.parse("2026-03-02T00:00:00Z").toEpochMilli());
        String text = ExpositionParseBenchmark.TEXT;
        // warm-up: both paths compiled before anything counts
        long warmUntil = System.nanoTime() + (smoke ? 500_000_000L : 3_000_000_000L);
        while (System.nanoTime() < warmUntil) {
            parseOnly(text);
            ingest.scrape(text);
        }
        long[] parse = new long[3];
        long[] full = new long[3];
        for (int r = 0; r < rounds; r++) {
            run(threads, parse, () -> parseOnly(text), smoke);
            run(threads, full, () -> ingest.scrape(text), smoke);
        }
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        System.out.printf("raw parse (ceiling): %,.0f samples per CPU-second, %,.0f per wall second%n",
                parse[0] / (parse[1] / 1e9), parse[0] / (parse[2] / 1e9));
        System.out.printf("parse + hub ingest:  %,.0f samples per CPU-second, %,.0f per wall second%n",
                full[0] / (full[1] / 1e9), full[0] / (full[2] / 1e9));
        System.out.printf("%d rounds; load average %s; hub %s%n", rounds, load, ingest.hub().stats());
    }

    private interface Scrape {
        long run() throws IOException;
    }

    private static void run(ThreadMXBean threads, long[] totals, Scrape scrape, boolean smoke) throws IOException {
        long wall0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long until = wall0 + (smoke ? 200_000_000L : 1_000_000_000L);
        long samples = 0;
        while (System.nanoTime() < until) {
            samples += scrape.run();
        }
        totals[0] += samples;
        totals[1] += threads.getCurrentThreadCpuTime() - cpu0;
        totals[2] += System.nanoTime() - wall0;
    }

    private static long parseOnly(String text) throws IOException {
        long[] sum = {0};
        long n = new ExpositionParser(ExpositionLimits.DEFAULT).parse(new StringReader(text), s -> sum[0] += (long) s.value());
        return sum[0] == Long.MIN_VALUE ? 0 : n;
    }
}
