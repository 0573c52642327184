package io.gatehouse.views.dashboard;

import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.incidents.IncidentDesk;
import io.gatehouse.data.telemetry.TelemetrySource;
import io.gatehouse.views.common.JobHandle;
import io.gatehouse.views.common.TaskExecutor;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The regional dashboards: every KPI's instant value per region with its sparkline over the chosen
 * time range, each region's risk and live alerts, asked of the telemetry source on a schedule while
 * the area is shown. Each refresh is one background job ({@link DashboardQuery}); its result reaches
 * the UI thread as one {@link Dashboard} value, so the view redraws once per refresh and no tile has
 * a timer of its own. A region or KPI without data stays without data: it is never shown as 0.
 */
public final class DashboardViewModel {
    /** How often the source is asked while the area is shown, until the operator picks another interval. */
    public static final Duration REFRESH_EVERY = RefreshInterval.SECONDS_15.every();
    /** The KPIs with a tile in each region's row; the rails show in the drill-down only. */
    public static final List<Kpi> TILE_KPIS = java.util.Arrays.stream(Kpi.values())
            .filter(k -> k != Kpi.CHECKOUT_ATTEMPTS_BY_RAIL).toList();
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

    /**
     * Everything the view shows, replaced whole by each refresh.
     *
     * @param rows      one row per region that had any data, by region name
     * @param dataAt    the newest sample's time, or null when there was none
     * @param checkedAt when the source last answered or failed, or null before the first refresh
     * @param problem   why the last refresh failed, or the empty string
     * @param range     the time range the sparklines cover
     * @param refreshEvery how often the source is asked
     */
    public record Dashboard(SourceState state, List<RegionRow> rows, Instant dataAt, Instant checkedAt, String problem,
            TimeRange range, Duration refreshEvery) {
        public Dashboard {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(refreshEvery, "refreshEvery");
            rows = List.copyOf(rows);
            problem = problem == null ? "" : problem;
        }

        /** The row of {@code region}, if the last refresh had one. */
        public Optional<RegionRow> row(String region) {
            return rows.stream().filter(r -> r.region().equals(region)).findFirst();
        }
    }

    /** Runs an action once after a delay; the returned handle cancels it. */
    @FunctionalInterface
    public interface Timer {
        Runnable after(Duration delay, Runnable action);
    }

    private final TelemetrySource source;
    private final DashboardQuery query;
    private final TaskExecutor tasks;
    private final Consumer<Throwable> errors;
    private final InstantSource clock;
    private final Timer timer;
    private final ReadOnlyObjectWrapper<Dashboard> dashboard = new ReadOnlyObjectWrapper<>(
            new Dashboard(SourceState.WAITING, List.of(), null, null, "", TimeRange.HOUR_1, REFRESH_EVERY));
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final ObjectProperty<TimeRange> timeRange = new SimpleObjectProperty<>(TimeRange.HOUR_1);
    private final ObjectProperty<RefreshInterval> refreshInterval = new SimpleObjectProperty<>(RefreshInterval.SECONDS_15);
    private final ObjectProperty<String> drilledRegion = new SimpleObjectProperty<>();
    private boolean running;
    private int viewers;
    private long generation;
    private JobHandle inFlight;
    private Runnable pending;

    /** Dashboards without alerts: the risk comes from the readings alone and there are no attack indicators. */
    public DashboardViewModel(TelemetrySource source, TaskExecutor tasks, Consumer<Throwable> errors, InstantSource clock,
            Timer timer) {
        this(source, null, tasks, errors, clock, timer);
    }

    /** @param desk the alerts of the anomaly detector, or null when none is wired */
    public DashboardViewModel(TelemetrySource source, IncidentDesk desk, TaskExecutor tasks, Consumer<Throwable> errors,
            InstantSource clock, Timer timer) {
        this.source = Objects.requireNonNull(source, "source");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.query = new DashboardQuery(source, desk, clock);
        // a new range changes the queries: ask at once, even while paused, since the operator asked for it
        timeRange.addListener((obs, before, now) -> {
            if (running) {
                refresh();
            }
        });
        refreshInterval.addListener((obs, before, now) -> {
            if (running && !paused.get()) {
                scheduleNext();
            }
        });
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

    /** The time range the sparklines cover. */
    public ObjectProperty<TimeRange> timeRangeProperty() {
        return timeRange;
    }

    /** How often the source is asked while shown and not paused. */
    public ObjectProperty<RefreshInterval> refreshIntervalProperty() {
        return refreshInterval;
    }

    /** The region shown in detail, or null while the world view is shown. */
    public ReadOnlyObjectProperty<String> drilledRegionProperty() {
        return drilledRegion;
    }

    /** Shows one region in detail: its rails and currencies, top decline reasons and live attack indicators. */
    public void drillDown(String region) {
        drilledRegion.set(Objects.requireNonNull(region, "region"));
    }

    /** Back to the world view. */
    public void back() {
        drilledRegion.set(null);
    }

    /** The drilled-down region's row from the last refresh, if any. */
    public Optional<RegionRow> drilledRow() {
        String region = drilledRegion.get();
        return region == null ? Optional.empty() : dashboard.get().row(region);
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

    /** Asks the source now; the next scheduled refresh follows the refresh interval after this one ends. */
    public void refresh() {
        cancelPending();
        if (inFlight != null) {
            inFlight.cancel();
        }
        long mine = ++generation;
        Instant at = clock.instant();
        TimeRange range = timeRange.get();
        Duration every = refreshInterval.get().every();
        JobHandle handle = tasks.run(job -> query.run(at, range, every, job), result -> {
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

    private void failed(Throwable failure, Instant at) {
        Dashboard before = dashboard.get();
        if (before.state() != SourceState.DOWN) {
            errors.accept(failure); // reported once when the source goes down, not at every refresh
        }
        String problem = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        dashboard.set(new Dashboard(SourceState.DOWN, before.rows(), before.dataAt(), at, problem, timeRange.get(),
                refreshInterval.get().every()));
    }

    private void scheduleNext() {
        cancelPending();
        if (running && !paused.get()) {
            pending = timer.after(refreshInterval.get().every(), () -> tasks.onUi(() -> {
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
