package io.gatehouse.bench;

import io.gatehouse.data.settings.TimeDisplay;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.KpiPoint;
import io.gatehouse.data.telemetry.KpiSample;
import io.gatehouse.data.telemetry.KpiSeries;
import io.gatehouse.data.telemetry.SeriesKey;
import io.gatehouse.data.telemetry.TelemetrySource;
import io.gatehouse.views.common.BackgroundJob;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.JobHandle;
import io.gatehouse.views.common.Language;
import io.gatehouse.views.common.TaskExecutor;
import io.gatehouse.views.common.TimeFormat;
import io.gatehouse.views.dashboard.DashboardBoard;
import io.gatehouse.views.dashboard.DashboardViewModel;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;

/**
 * How long one full dashboard update takes on the JavaFX thread: 8 regions x 10 KPI kinds (the
 * eight tiles, plus the decline reasons and the rails they split into), each tile with a 60-point
 * sparkline, applied through the real view model to the real world-view nodes, then CSS and layout,
 * on the headless platform at 1280 x 800. The querying is not timed: it runs in the background in
 * the console. Every update changes every value, as a live refresh does; the regions' risk stays
 * the same, so the map picture is not redrawn (that cost is measured and printed separately).
 *
 * <p>{@code --smoke} runs a few updates only, to keep the program working in CI.
 */
public final class DashboardFrameBenchmark {
    private static final int REGIONS = 8;
    private static final List<String> REASONS = List.of("insufficient_funds", "do_not_honor", "incorrect_cvc");
    private static final List<String> RAILS = List.of("card", "wallet", "bank_transfer");
    private static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");

    private DashboardFrameBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = Arrays.asList(args).contains("--smoke");
        int warmup = smoke ? 10 : 400;
        int measured = smoke ? 20 : 2000;
        System.setProperty("glass.platform", "Headless");
        System.setProperty("prism.order", "sw");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        CompletableFuture<long[]> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(run(warmup, measured));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        long[] nanos = result.get();
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "Dashboard update, %d regions x %d KPI kinds, %d updates: median %.2f ms,"
                        + " p99 %.2f ms, max %.2f ms (frame budget 16.7 ms)%n", REGIONS, Kpi.values().length,
                measured, ms(sorted[sorted.length / 2]), ms(sorted[(int) (sorted.length * 0.99)]),
                ms(sorted[sorted.length - 1]));
        Platform.exit();
    }

    private static long cssNanos;

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Runs on the JavaFX thread. */
    private static long[] run(int warmup, int measured) {
        I18n i18n = new I18n(Language.ENGLISH);
        TimedExecutor executor = new TimedExecutor();
        Source source = new Source();
        DashboardViewModel viewModel = new DashboardViewModel(source, executor, e -> {
            throw new IllegalStateException(e);
        }, InstantSource.fixed(NOW), (delay, action) -> () -> { });
        DashboardBoard board = new DashboardBoard(i18n, new TimeFormat(Locale.UK, TimeDisplay.values()[0], ZoneOffset.UTC));
        ScrollPane scroller = new ScrollPane(board.node());
        scroller.setFitToWidth(true);
        Stage stage = new Stage();
        stage.setScene(new Scene(scroller, 1280, 800));
        stage.show();
        viewModel.dashboardProperty().addListener((obs, before, now) -> board.show(now));
        executor.afterApply = () -> {
            long css = System.nanoTime();
            scroller.applyCss();
            cssNanos += System.nanoTime() - css;
            scroller.layout();
        };
        long mapStart = System.nanoTime();
        viewModel.refresh(); // the first update builds the rows and draws the map
        System.out.printf(Locale.ROOT, "First update (build the tiles, draw the map): %.1f ms%n",
                ms(System.nanoTime() - mapStart));
        for (int i = 0; i < warmup; i++) {
            source.tick++;
            viewModel.refresh();
        }
        cssNanos = 0;
        executor.showNanos = 0;
        executor.layoutNanos = 0;
        long[] out = new long[measured];
        for (int i = 0; i < measured; i++) {
            source.tick++;
            viewModel.refresh();
            out[i] = executor.lastApplyNanos;
        }
        stage.hide();
        System.out.printf(Locale.ROOT, "Of which: view model and nodes %.2f ms, CSS %.2f ms, layout %.2f ms on average%n",
                ms(executor.showNanos / measured), ms(cssNanos / measured),
                ms((executor.layoutNanos - cssNanos) / measured));
        return out;
    }

    /** Runs the query untimed, then times handing its result to the view model and the CSS and layout after it. */
    private static final class TimedExecutor implements TaskExecutor {
        Runnable afterApply = () -> { };
        long lastApplyNanos;
        long showNanos;
        long layoutNanos;

        @Override
        public <T> JobHandle run(BackgroundJob<T> job, Consumer<? super T> onDone, Consumer<Throwable> onFailed) {
            JobHandle handle = new JobHandle() {
                @Override
                public void cancel() {
                }

                @Override
                public boolean cancelled() {
                    return false;
                }
            };
            T result;
            try {
                result = job.run(handle);
            } catch (Exception e) {
                onFailed.accept(e);
                return handle;
            }
            long start = System.nanoTime();
            onDone.accept(result);
            long applied = System.nanoTime();
            afterApply.run();
            lastApplyNanos = System.nanoTime() - start;
            showNanos += applied - start;
            layoutNanos += System.nanoTime() - applied;
            return handle;
        }

        @Override
        public void onUi(Runnable update) {
            update.run();
        }
    }

    /** Eight regions with every KPI, their reasons and rails, and a 60-point series per tile KPI; values move each tick. */
    private static final class Source implements TelemetrySource {
        int tick;

        @Override
        public String name() {
            return "Benchmark";
        }

        @Override
        public boolean simulated() {
            return true;
        }

        private double value(Kpi kpi, int region, int detail, int t) {
            double wobble = 1 + 0.02 * Math.sin(t * 0.7 + region + detail);
            return switch (kpi.unit()) {
                case PER_MINUTE -> (300 + 40 * region + 10 * detail) * wobble;
                case RATIO -> kpi == Kpi.AUTHORISATION_RATE ? 0.96 * wobble / 1.02 : 0.003 * (1 + detail) * wobble;
                case SECONDS -> 0.9 * wobble;
            };
        }

        private List<String> details(Kpi kpi) {
            return kpi == Kpi.DECLINE_RATE_BY_REASON ? REASONS : kpi == Kpi.CHECKOUT_ATTEMPTS_BY_RAIL ? RAILS : List.of("");
        }

        @Override
        public List<KpiSample> instant(Kpi kpi, Instant at) {
            List<KpiSample> out = new ArrayList<>();
            for (int r = 0; r < REGIONS; r++) {
                List<String> details = details(kpi);
                for (int d = 0; d < details.size(); d++) {
                    out.add(new KpiSample(new SeriesKey("region_" + r, kpi, details.get(d)), at, value(kpi, r, d, tick)));
                }
            }
            return out;
        }

        @Override
        public List<KpiSeries> range(Kpi kpi, Instant start, Instant end, Duration step) {
            List<KpiSeries> out = new ArrayList<>();
            for (int r = 0; r < REGIONS; r++) {
                List<String> details = details(kpi);
                for (int d = 0; d < details.size(); d++) {
                    List<KpiPoint> points = new ArrayList<>();
                    for (int i = 0; i < 60; i++) {
                        points.add(new KpiPoint(end.minus(step.multipliedBy(59 - i)), value(kpi, r, d, tick + i)));
                    }
                    out.add(new KpiSeries(new SeriesKey("region_" + r, kpi, details.get(d)), points));
                }
            }
            return out;
        }
    }
}
