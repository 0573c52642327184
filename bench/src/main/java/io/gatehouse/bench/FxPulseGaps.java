package io.gatehouse.bench;

import io.gatehouse.data.telemetry.SeriesKey;
import io.gatehouse.data.telemetry.TelemetryHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;

/**
 * Gaps between JavaFX pulses while a background thread ingests scrapes into the telemetry hub at a
 * fixed rate (parse + hub, as {@link ScrapeToHubBenchmark}). On every pulse the FX thread reads the
 * newest value of 80 series from the hub (8 regions x 10 tiles) and shows them, so it contends for
 * the hub's lock as a dashboard does. Runs on the headless glass platform.
 *
 * <p>Usage: {@code FxPulseGaps [--smoke] [seconds] [samples-per-second]}; defaults 60 s at 200,000/s,
 * {@code --smoke} 5 s. Prints p50, p99, p99.9 and the maximum gap, and exits 1 when the maximum
 * reaches 50 ms in a full run.
 */
public final class FxPulseGaps {
    private static final long WARM_UP_NANOS = 2_000_000_000L;
    private static final long LIMIT_NANOS = 50_000_000L;

    private FxPulseGaps() {
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = args.length > 0 && args[0].equals("--smoke");
        List<String> rest = Arrays.asList(args).subList(smoke ? 1 : 0, args.length);
        int seconds = rest.isEmpty() ? (smoke ? 5 : 60) : Integer.parseInt(rest.get(0));
        long rate = rest.size() > 1 ? Long.parseLong(rest.get(1)) : 200_000;
        System.setProperty("glass.platform", "Headless");
        System.setProperty("prism.order", "sw");

        long start = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
        ScrapeIngest ingest = new ScrapeIngest(start);
        ingest.scrape(ExpositionParseBenchmark.TEXT);
        List<SeriesKey> shown = ingest.seriesKeys().subList(0, 80);
        TelemetryHub hub = ingest.hub();

        long[] gaps = new long[Math.max(1000, seconds * 200)];
        int[] count = {0};
        CountDownLatch done = new CountDownLatch(1);
        // the window opens after a warm-up counted from the first pulse: starting the toolkit takes
        // seconds on a loaded machine
        AtomicLong measureFrom = new AtomicLong();
        AtomicLong measureTo = new AtomicLong(Long.MAX_VALUE);

        // the FX thread never takes the hub's lock: a reader thread copies the 80 values once a frame
        // and hands them over whole, as the views' coalescing does
        AtomicReference<OptionalDouble[]> latest = new AtomicReference<>();
        Thread.ofPlatform().daemon(true).name("tile-reader").start(() -> {
            while (done.getCount() > 0) {
                OptionalDouble[] values = new OptionalDouble[shown.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = hub.latest(shown.get(i));
                }
                latest.set(values);
                LockSupport.parkNanos(16_000_000L);
            }
        });
        Platform.startup(() -> {
            GridPane grid = new GridPane();
            Label[] tiles = new Label[shown.size()];
            for (int i = 0; i < tiles.length; i++) {
                tiles[i] = new Label("-");
                tiles[i].setMinWidth(110);
                grid.add(tiles[i], i % 10, i / 10);
            }
            Stage stage = new Stage();
            stage.setScene(new Scene(grid, 1280, 800));
            stage.show();
            new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    if (last == 0) {
                        measureTo.set(t + WARM_UP_NANOS + TimeUnit.SECONDS.toNanos(seconds));
                        measureFrom.set(t + WARM_UP_NANOS);
                    }
                    if (last != 0 && t >= measureFrom.get() && count[0] < gaps.length) {
                        gaps[count[0]++] = t - last;
                    }
                    last = t;
                    OptionalDouble[] values = latest.get();
                    for (int i = 0; i < tiles.length && values != null; i++) {
                        OptionalDouble v = values[i];
                        tiles[i].setText(v.isPresent() ? String.format("%.1f", v.getAsDouble()) : "no data");
                    }
                    if (t >= measureTo.get()) {
                        stop();
                        done.countDown();
                    }
                }
            }.start();
        });

        // the ingesting thread: scrapes at the target rate until the measurement ends
        long samples = 0;
        long ingestStart = System.nanoTime();
        long measuredSamples = 0;
        while (done.getCount() > 0) {
            long now = System.nanoTime();
            long due = (now - ingestStart) * rate / 1_000_000_000L;
            if (samples < due) {
                long n = ingest.scrape(ExpositionParseBenchmark.TEXT);
                samples += n;
                long from = measureFrom.get();
                if (from != 0 && now >= from && now < measureTo.get()) {
                    measuredSamples += n;
                }
            } else {
                LockSupport.parkNanos(200_000);
            }
        }
        double achieved = measuredSamples / (double) seconds;
        Platform.exit();

        long[] measured = Arrays.copyOf(gaps, count[0]);
        Arrays.sort(measured);
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        System.out.printf("FX pulse gaps over %d s while ingesting %,.0f samples/s (target %,d): %d pulses%n", seconds,
                achieved, rate, measured.length);
        System.out.printf("p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (limit 50 ms); load average %s%n",
                ms(percentile(measured, 0.50)), ms(percentile(measured, 0.99)), ms(percentile(measured, 0.999)),
                ms(measured.length == 0 ? 0 : measured[measured.length - 1]), load);
        System.out.printf("hub: %s%n", hub.stats());
        if (!smoke && (measured.length == 0 || measured[measured.length - 1] >= LIMIT_NANOS)) {
            System.exit(1);
        }
        System.exit(0);
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
