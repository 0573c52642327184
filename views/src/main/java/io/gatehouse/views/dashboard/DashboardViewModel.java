package io.gatehouse.views.dashboard;

import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.KpiSample;
import io.gatehouse.data.telemetry.TelemetrySource;
import io.gatehouse.views.common.JobHandle;
import io.gatehouse.views.common.TaskExecutor;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The regional dashboards: every KPI's instant value per region, asked of the telemetry source on a
 * schedule while the area is shown. Each refresh is one background job that queries all KPIs; its
 * result reaches the UI thread as one {@link Dashboard} value, so the view redraws once per refresh.
 * A region or KPI without data stays without data: it is never shown as 0.
 */
public final class DashboardViewModel {
    /** How often the source is asked while the area is shown. */
    public static final Duration REFRESH_EVERY = Duration.ofSeconds(15);
    /** Data whose newest sample is older than this is shown as stale. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(2);

    /** How far the shown values can be trusted. */
    public enum SourceState {
        /** Nothing asked yet. */
        WAITING,
        /** The last refresh answered, with recent data. */
        LIVE,
        /** The last refresh answered, but no region had any data. */
        NO_DATA,
        /** The last refresh answered, but its newest sample is older than {@link #STALE_AFTER}. */
        STALE,
        /** The last refresh failed; the values shown are from an earlier one. */
        DOWN
    }

    /** One region's KPIs; a KPI without data has an empty value. */
    public record RegionRow(String region, Map<Kpi, OptionalDouble> values) {
        public RegionRow {
            Objects.requireNonNull(region, "region");
            values = Map.copyOf(values);
        }

        public OptionalDouble value(Kpi kpi) {
            return values.getOrDefault(kpi, OptionalDouble.empty());
        }
    }

    /**
     * Everything the view shows, replaced whole by each refresh.
     *
     * @param rows      one row per region that had any data, by region name
     * @param dataAt    the newest sample's time, or null when there was none
     * @param checkedAt when the source last answered or failed, or null before the first refresh
     * @param problem   why the last refresh failed, or the empty string
     */
    public record Dashboard(SourceState state, List<RegionRow> rows, Instant dataAt, Instant checkedAt, String problem) {
        public Dashboard {
            Objects.requireNonNull(state, "state");
            rows = List.copyOf(rows);
            problem = problem == null ? "" : problem;
        }

        static final Dashboard WAITING_FOR_DATA = new Dashboard(SourceState.WAITING, List.of(), null, null, "");
    }

    /** Runs an action once after a delay; the returned handle cancels it. */
    @FunctionalInterface
    public interface Timer {
        Runnable after(Duration delay, Runnable action);
    }

    private final TelemetrySource source;
    private final TaskExecutor tasks;
    private final Consumer<Throwable> errors;
    private final InstantSource clock;
    private final Timer timer;
    private final ReadOnlyObjectWrapper<Dashboard> dashboard = new ReadOnlyObjectWrapper<>(Dashboard.WAITING_FOR_DATA);
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private boolean running;
    private int viewers;
    private long generation;
    private JobHandle inFlight;
    private Runnable pending;

    public DashboardViewModel(TelemetrySource source, TaskExecutor tasks, Consumer<Throwable> errors, InstantSource clock,
            Timer timer) {
        this.source = Objects.requireNonNull(source, "source");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timer = Objects.requireNonNull(timer, "timer");
        paused.addListener((obs, before, now) -> {
            if (now) {
                cancelPending();
            } else if (running) {
                refresh();
            }
        });
    }

    public ReadOnlyObjectProperty<Dashboard> dashboardProperty() {
        return dashboard.getReadOnlyProperty();
    }

    /** While true, the schedule holds and the last values stay on screen. */
    public BooleanProperty pausedProperty() {
        return paused;
    }

    public String sourceName() {
        return source.name();
    }

    public boolean running() {
        return running;
    }

    /** A view shows the dashboard: the schedule runs while at least one does. Call on the UI thread. */
    public void attach() {
        if (viewers++ == 0) {
            start();
        }
    }

    /** A view no longer shows it; the last one to go stops the schedule. Call on the UI thread. */
    public void detach() {
        if (viewers > 0 && --viewers == 0) {
            stop();
        }
    }

    /** Starts the schedule with a refresh now, unless it runs already or is paused. Call on the UI thread. */
    public void start() {
        if (running) {
            return;
        }
        running = true;
        if (!paused.get()) {
            refresh();
        }
    }

    /** Stops the schedule and drops a refresh under way. Call on the UI thread. */
    public void stop() {
        running = false;
        viewers = 0;
        generation++;
        cancelPending();
        if (inFlight != null) {
            inFlight.cancel();
            inFlight = null;
        }
    }

    /** Asks the source now; the next scheduled refresh follows {@link #REFRESH_EVERY} after this one ends. */
    public void refresh() {
        cancelPending();
        if (inFlight != null) {
            inFlight.cancel();
        }
        long mine = ++generation;
        Instant at = clock.instant();
        JobHandle handle = tasks.run(job -> query(at, job), result -> {
            if (mine == generation) {
                dashboard.set(result);
                scheduleNext();
            }
        }, failure -> {
            if (mine == generation && !(failure instanceof CancellationException)) {
                failed(failure, at);
                scheduleNext();
            }
        });
        // cancelling a job that already ended is harmless, so the handle is kept either way
        inFlight = handle;
    }

    private Dashboard query(Instant at, JobHandle job) {
        Map<String, Map<Kpi, double[]>> sums = new TreeMap<>();
        Instant newest = null;
        for (Kpi kpi : Kpi.values()) {
            if (job.cancelled()) {
                throw new CancellationException();
            }
            for (KpiSample sample : source.instant(kpi, at)) {
                if (!Double.isFinite(sample.value())) {
                    continue; // NaN or infinite: the source had nothing usable for this series
                }
                double[] sum = sums.computeIfAbsent(sample.key().region(), r -> new EnumMap<>(Kpi.class))
                        .computeIfAbsent(kpi, k -> new double[1]);
                // decline reasons share one denominator, so their rates add up to the region's decline rate
                sum[0] += sample.value();
                if (newest == null || sample.at().isAfter(newest)) {
                    newest = sample.at();
                }
            }
        }
        List<RegionRow> rows = new ArrayList<>();
        sums.forEach((region, values) -> {
            Map<Kpi, OptionalDouble> row = new EnumMap<>(Kpi.class);
            values.forEach((kpi, sum) -> row.put(kpi, OptionalDouble.of(sum[0])));
            rows.add(new RegionRow(region, row));
        });
        Instant checked = clock.instant();
        SourceState state = rows.isEmpty() ? SourceState.NO_DATA
                : Duration.between(newest, checked).compareTo(STALE_AFTER) > 0 ? SourceState.STALE : SourceState.LIVE;
        return new Dashboard(state, rows, newest, checked, "");
    }

    private void failed(Throwable failure, Instant at) {
        Dashboard before = dashboard.get();
        if (before.state() != SourceState.DOWN) {
            errors.accept(failure); // reported once when the source goes down, not at every refresh
        }
        String problem = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        dashboard.set(new Dashboard(SourceState.DOWN, before.rows(), before.dataAt(), at, problem));
    }

    private void scheduleNext() {
        cancelPending();
        if (running && !paused.get()) {
            pending = timer.after(REFRESH_EVERY, () -> tasks.onUi(() -> {
                if (running && !paused.get()) {
                    refresh();
                }
            }));
        }
    }

    private void cancelPending() {
        if (pending != null) {
            pending.run();
            pending = null;
        }
    }
}
