package io.gatehouse.data.health;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Checks every connection on a background schedule and remembers each one's state and since when.
 * Listeners are called on the checking thread; a UI must hand the snapshot over to its own thread.
 */
public final class HealthMonitor {
    private static final System.Logger LOG = System.getLogger(HealthMonitor.class.getName());

    private final List<HealthProbe> probes;
    private final ScheduledExecutorService scheduler;
    private final InstantSource clock;
    private final Duration interval;
    private final Map<String, ConnectionHealth> states = new LinkedHashMap<>();
    private final List<Consumer<List<ConnectionHealth>>> listeners = new CopyOnWriteArrayList<>();
    private ScheduledFuture<?> schedule;

    public HealthMonitor(List<HealthProbe> probes, ScheduledExecutorService scheduler, InstantSource clock, Duration interval) {
        this.probes = List.copyOf(probes);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        Instant now = clock.instant();
        for (HealthProbe probe : this.probes) {
            states.put(probe.connection(), new ConnectionHealth(probe.connection(), probe.kind(), HealthState.UNKNOWN, now, ""));
        }
    }

    /** Starts checking now and then after every interval; calling it again changes nothing. */
    public synchronized void start() {
        if (schedule == null) {
            schedule = scheduler.scheduleWithFixedDelay(this::checkQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the schedule; the injected scheduler itself belongs to the caller and stays up. */
    public synchronized void stop() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }

    public synchronized boolean running() {
        return schedule != null;
    }

    /** Runs every probe once on the calling thread, which must never be a UI thread. */
    public void checkNow() {
        boolean changed = false;
        for (HealthProbe probe : probes) {
            HealthProbe.Result result = safeCheck(probe);
            changed |= record(probe, result);
        }
        if (changed) {
            notifyListeners(current());
        }
    }

    /** The latest state of each connection, in probe order. */
    public synchronized List<ConnectionHealth> current() {
        return List.copyOf(states.values());
    }

    /**
     * Adds a listener, hands it the current state at once, and returns the action that removes it.
     * Later snapshots arrive only when a state or its detail changed.
     */
    public Runnable subscribe(Consumer<List<ConnectionHealth>> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        deliver(listener, current());
        return () -> listeners.remove(listener);
    }

    private void checkQuietly() {
        try {
            checkNow();
        } catch (RuntimeException e) {
            // A failing round must not cancel the schedule: the next round tries again.
            LOG.log(Level.WARNING, "health check round failed", e);
        }
    }

    private static HealthProbe.Result safeCheck(HealthProbe probe) {
        try {
            HealthProbe.Result result = probe.check();
            return result != null ? result : new HealthProbe.Result(HealthState.UNKNOWN, "no answer");
        } catch (RuntimeException e) {
            return new HealthProbe.Result(HealthState.DOWN, "check failed: " + e.getMessage());
        }
    }

    private synchronized boolean record(HealthProbe probe, HealthProbe.Result result) {
        String detail = result.detail() == null ? "" : result.detail();
        ConnectionHealth before = states.get(probe.connection());
        if (before.state() == result.state() && before.detail().equals(detail)) {
            return false;
        }
        Instant since = before.state() == result.state() ? before.since() : clock.instant();
        states.put(probe.connection(), new ConnectionHealth(probe.connection(), probe.kind(), result.state(), since, detail));
        return true;
    }

    private void notifyListeners(List<ConnectionHealth> snapshot) {
        for (Consumer<List<ConnectionHealth>> listener : new ArrayList<>(listeners)) {
            deliver(listener, snapshot);
        }
    }

    private static void deliver(Consumer<List<ConnectionHealth>> listener, List<ConnectionHealth> snapshot) {
        try {
            listener.accept(snapshot);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "health listener failed", e);
        }
    }
}
