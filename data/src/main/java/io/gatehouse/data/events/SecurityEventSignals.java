package io.gatehouse.data.events;

import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.SeriesKey;
import io.gatehouse.data.telemetry.TelemetryHub;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Turns verified security events into a per-region signal: the count of each type per minute.
 * Types that match a dashboard KPI (login failures, token validation failures) are also written to
 * the telemetry hub as a series of their own, detail {@value #HUB_DETAIL}, so the dashboards and the
 * anomaly rules see the backend's signed view beside the scraped one.
 *
 * <p>An event's time is the end of the span it counts, so an event stamped on a minute boundary
 * belongs to the minute ending there, and the minute's hub point is stamped at that end.
 *
 * <p>Bounded: at most {@link #MAX_SERIES} (region, type) pairs are tracked; events of further pairs
 * are counted as refused, never stored. A minute is written to the hub once a later minute of the
 * same pair arrives, or once the detector's turn closes it ({@link #closeMinutesEndingBy}), so each
 * hub point is complete; an event for a minute already written is late and only counted.
 */
public final class SecurityEventSignals implements SecurityEventSink {
    /** The hub detail of series fed by signed events. */
    public static final String HUB_DETAIL = "signed_events";
    public static final int MAX_SERIES = 512;
    private static final long MINUTE = 60_000;

    private static final Map<String, Kpi> KPI_OF_TYPE = Map.of(
            "login_failures", Kpi.LOGIN_FAILURES_PER_MIN,
            "token_validation_failures", Kpi.TOKEN_VALIDATION_FAILURES_PER_MIN);

    private record Pair(String region, String type) {
    }

    private static final class Minute {
        long end = Long.MIN_VALUE;
        long count;
        long total;
        boolean written;
    }

    private final TelemetryHub hub;
    private final Map<Pair, Minute> minutes = new HashMap<>();
    private long refused;
    private long late;

    /** {@code hub} may be null: the signal is then kept here only. */
    public SecurityEventSignals(TelemetryHub hub) {
        this.hub = hub;
    }

    @Override
    public synchronized void accept(SecurityEvent event) {
        Objects.requireNonNull(event, "event");
        Pair pair = new Pair(event.region(), event.type());
        Minute m = minutes.get(pair);
        if (m == null) {
            if (minutes.size() >= MAX_SERIES) {
                refused++;
                return;
            }
            m = new Minute();
            minutes.put(pair, m);
        }
        long end = Math.ceilDiv(event.occurredAt().toEpochMilli(), MINUTE) * MINUTE;
        m.total += event.count();
        if (end < m.end || end == m.end && m.written) {
            late++;
            return;
        }
        if (end > m.end) {
            if (m.end != Long.MIN_VALUE && !m.written) {
                publish(pair, m);
            }
            m.end = end;
            m.count = 0;
            m.written = false;
        }
        m.count += event.count();
    }

    /**
     * Writes every minute still filling that ends at or before {@code cutoff}: a quiet pair's last
     * minute would otherwise wait for its next event, which may be hours away. Events for those
     * minutes that arrive afterwards are late.
     */
    public synchronized void closeMinutesEndingBy(java.time.Instant cutoff) {
        long by = cutoff.toEpochMilli();
        minutes.forEach((pair, m) -> {
            if (m.end != Long.MIN_VALUE && !m.written && m.end <= by) {
                publish(pair, m);
            }
        });
    }

    private void publish(Pair pair, Minute m) {
        m.written = true;
        Kpi kpi = KPI_OF_TYPE.get(pair.type());
        if (hub != null && kpi != null) {
            // the point sits at the end of its minute, as a rate over that minute would
            hub.ingest(new SeriesKey(pair.region(), kpi, HUB_DETAIL), m.end, m.count);
        }
    }

    /** Events counted per region, then per type, since the start; sorted for stable display. */
    public synchronized Map<String, Map<String, Long>> totals() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        minutes.forEach((pair, m) -> out.computeIfAbsent(pair.region(), r -> new TreeMap<>()).put(pair.type(), m.total));
        out.replaceAll((r, types) -> Map.copyOf(types));
        return Map.copyOf(out);
    }

    /** The count of the minute still filling for one region and type, or 0 when none is. */
    public synchronized long currentMinute(String region, String type) {
        Minute m = minutes.get(new Pair(region, type));
        return m == null || m.written ? 0 : m.count;
    }

    /** Events of (region, type) pairs beyond {@link #MAX_SERIES}, refused. */
    public synchronized long refused() {
        return refused;
    }

    /** Events for a minute already written to the hub: counted in the totals only. */
    public synchronized long late() {
        return late;
    }
}
