package io.gatehouse.data.telemetry;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Holds recent KPI series per region in bounded memory (see {@link HubLimits}) and hands out
 * immutable snapshots. Connectors ingest from background threads; views read snapshots. One lock
 * guards everything: an ingest is a few array writes, so contention stays far below a frame.
 *
 * <p>Time comes from the injected clock only, so staleness and eviction are tested without sleeping.
 */
public final class TelemetryHub {
    private static final int MAX_REFUSED_EXAMPLES = 16;
    /**
     * A sample further ahead of the hub's clock than this comes from a skewed clock. Stored, it
     * would pin its series: every true sample after it would read as late until the clock caught up.
     */
    public static final long MAX_AHEAD_MILLIS = 15 * 60_000L;

    private record RegionKpi(String region, Kpi kpi) {
    }

    private final HubLimits limits;
    private final InstantSource clock;
    private final Map<SeriesKey, SeriesBuffer> series = new HashMap<>();
    private final Map<RegionKpi, Integer> detailsInUse = new HashMap<>();
    private final List<SeriesKey> refusedExamples = new ArrayList<>();
    private long accepted;
    private long droppedNotFinite;
    private long droppedOutOfOrder;
    private long droppedOverCapacity;
    private long evicted;
    private long aheadBound = Long.MIN_VALUE;

    public TelemetryHub(HubLimits limits, InstantSource clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public HubLimits limits() {
        return limits;
    }

    public void ingest(KpiSample sample) {
        ingest(sample.key(), sample.at().toEpochMilli(), sample.value());
    }

    public void ingestAll(List<KpiSample> samples) {
        synchronized (this) {
            for (KpiSample s : samples) {
                ingest(s.key(), s.at().toEpochMilli(), s.value());
            }
        }
    }

    /**
     * Stores one value. A NaN or infinite value, a value not newer than its series' newest or more
     * than {@link #MAX_AHEAD_MILLIS} ahead of the clock, and a value of a series over the caps are
     * dropped and counted, never stored as a number.
     */
    public synchronized void ingest(SeriesKey key, long epochMillis, double value) {
        if (!Double.isFinite(value)) {
            droppedNotFinite++;
            return;
        }
        // the clock is read only when a sample passes the last bound seen, not once per sample
        if (epochMillis > aheadBound) {
            aheadBound = clock.millis() + MAX_AHEAD_MILLIS;
            if (epochMillis > aheadBound) {
                droppedOutOfOrder++;
                return;
            }
        }
        SeriesBuffer buffer = series.get(key);
        if (buffer == null) {
            buffer = admit(key);
            if (buffer == null) {
                droppedOverCapacity++;
                return;
            }
        }
        if (epochMillis <= buffer.lastAt()) {
            droppedOutOfOrder++;
            return;
        }
        buffer.add(epochMillis, value);
        accepted++;
    }

    private SeriesBuffer admit(SeriesKey key) {
        RegionKpi group = new RegionKpi(key.region(), key.kpi());
        int details = detailsInUse.getOrDefault(group, 0);
        if (series.size() >= limits.maxSeries() || details >= limits.maxDetailsPerRegionKpi()) {
            if (refusedExamples.size() < MAX_REFUSED_EXAMPLES && !refusedExamples.contains(key)) {
                refusedExamples.add(key);
            }
            return null;
        }
        SeriesBuffer buffer = new SeriesBuffer(limits);
        series.put(key, buffer);
        detailsInUse.put(group, details + 1);
        return buffer;
    }

    /**
     * Forgets series silent for longer than the whole retained span (raw plus averaged), which
     * frees their cardinality slots; returns how many went.
     */
    public synchronized int evictSilent() {
        long retainedMillis = limits.olderStep().toMillis() * limits.olderPoints();
        long cutoff = clock.millis() - retainedMillis;
        int removed = 0;
        for (Iterator<Map.Entry<SeriesKey, SeriesBuffer>> it = series.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<SeriesKey, SeriesBuffer> e = it.next();
            if (e.getValue().lastAt() < cutoff) {
                it.remove();
                detailsInUse.computeIfPresent(new RegionKpi(e.getKey().region(), e.getKey().kpi()),
                        (k, n) -> n <= 1 ? null : n - 1);
                removed++;
            }
        }
        evicted += removed;
        return removed;
    }

    /** Every series with its points of the last {@code lookbackMillis}, and the stats. */
    public synchronized HubSnapshot snapshot(long lookbackMillis) {
        long now = clock.millis();
        long from = lookbackMillis >= now ? Long.MIN_VALUE : now - lookbackMillis;
        Map<SeriesKey, SeriesView> views = new HashMap<>(series.size() * 2);
        for (Map.Entry<SeriesKey, SeriesBuffer> e : series.entrySet()) {
            SeriesBuffer b = e.getValue();
            long last = b.lastAt();
            boolean stale = now - last > limits.staleAfter().toMillis();
            OptionalDouble latest = stale ? OptionalDouble.empty() : OptionalDouble.of(b.lastValue());
            views.put(e.getKey(), new SeriesView(e.getKey(), latest, Instant.ofEpochMilli(last), stale, b.points(from)));
        }
        return new HubSnapshot(Instant.ofEpochMilli(now), views, stats());
    }

    /** The newest value of one series, or no data when it is missing or stale. */
    public synchronized OptionalDouble latest(SeriesKey key) {
        SeriesBuffer b = series.get(key);
        if (b == null || clock.millis() - b.lastAt() > limits.staleAfter().toMillis()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(b.lastValue());
    }

    public synchronized HubStats stats() {
        long points = 0;
        for (SeriesBuffer b : series.values()) {
            points += b.size();
        }
        return new HubStats(accepted, droppedNotFinite, droppedOutOfOrder, droppedOverCapacity, refusedExamples,
                evicted, series.size(), points);
    }
}
