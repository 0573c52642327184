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
 * <p>Bounded: at most {@link #MAX_SERIES} (region, type) pairs are tracked; events of further pairs
 * are counted as refused, never stored. A minute is written to the hub once a later minute of the
 * same pair arrives, so each hub point is complete; an event for a minute already written is late
 * and only counted.
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
        long start = Long.MIN_VALUE;
        long count;
        long total;
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
        long start = Math.floorDiv(event.occurredAt().toEpochMilli(), MINUTE) * MINUTE;
        m.total += event.count();
        if (start < m.start) {
            late++;
            return;
        }
        if (start > m.start) {
            if (m.start != Long.MIN_VALUE) {
                publish(pair, m);
            }
            m.start = start;
            m.count = 0;
        }
        m.count += event.count();
    }

    private void publish(Pair pair, Minute m) {
        Kpi kpi = KPI_OF_TYPE.get(pair.type());
        if (hub != null && kpi != null) {
            // the point sits at the end of its minute, as a rate over that minute would
            hub.ingest(new SeriesKey(pair.region(), kpi, HUB_DETAIL), m.start + MINUTE, m.count);
        }
    }

    /** Events counted per region, then per type, since the start; sorted for stable display. */
    public synchronized Map<String, Map<String, Long>> totals() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        minutes.forEach((pair, m) -> out.computeIfAbsent(pair.region(), r -> new TreeMap<>()).put(pair.type(), m.total));
        out.replaceAll((r, types) -> Map.copyOf(types));
        return Map.copyOf(out);
    }

    /** The count of the newest minute seen for one region and type (the minute still filling), or 0. */
    public synchronized long currentMinute(String region, String type) {
        Minute m = minutes.get(new Pair(region, type));
        return m == null ? 0 : m.count;
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
