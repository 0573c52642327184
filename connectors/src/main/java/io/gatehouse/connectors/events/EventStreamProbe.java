package io.gatehouse.connectors.events;

import io.gatehouse.data.events.IngestStats;
import io.gatehouse.data.health.ConnectionKind;
import io.gatehouse.data.health.HealthProbe;
import io.gatehouse.data.health.HealthState;
import java.util.function.Supplier;

/**
 * The event stream's health, from its counters rather than a request: unknown until the first
 * connection is made or fails; up while the stream is open; degraded when events were refused since the last check (someone may be forging or
 * replaying them) or while it reconnects; down when it is closed with an error. The detail always
 * carries the counts, so refused events are visible in the status bar and under Connections.
 */
public final class EventStreamProbe implements HealthProbe {
    private final String name;
    private final Supplier<IngestStats> stats;
    private long rejectedBefore;

    public EventStreamProbe(String name, Supplier<IngestStats> stats) {
        this.name = name;
        this.stats = stats;
    }

    @Override
    public String connection() {
        return name;
    }

    @Override
    public ConnectionKind kind() {
        return ConnectionKind.SECURITY_EVENTS;
    }

    @Override
    public synchronized Result check() {
        IngestStats s = stats.get();
        String counts = counts(s);
        long newlyRejected = s.rejected() - rejectedBefore;
        rejectedBefore = s.rejected();
        if (!s.connected()) {
            if (s.lastError() == null) {
                // the first connection is still being made: not known yet, which is not the same as down
                return new Result(HealthState.UNKNOWN, "connecting · " + counts);
            }
            return new Result(s.accepted() > 0 ? HealthState.DEGRADED : HealthState.DOWN, s.lastError() + " · " + counts);
        }
        if (newlyRejected > 0) {
            return new Result(HealthState.DEGRADED, newlyRejected + " events refused since the last check · " + counts);
        }
        return new Result(HealthState.UP, counts);
    }

    /** The counters in one short line (refusals only when there are any), for the status tooltip and Connections. */
    static String counts(IngestStats s) {
        StringBuilder refused = new StringBuilder();
        append(refused, s.forged(), "forged");
        append(refused, s.stale(), "stale");
        append(refused, s.replayed(), "replayed");
        append(refused, s.malformed(), "malformed");
        append(refused, s.oversized(), "oversized");
        append(refused, s.cutLines(), "cut off");
        String line = s.accepted() + " verified; " + (refused.isEmpty() ? "nothing refused" : "refused " + refused);
        return s.reconnects() == 0 ? line : line + "; " + s.reconnects() + " reconnects";
    }

    private static void append(StringBuilder out, long count, String what) {
        if (count > 0) {
            out.append(out.isEmpty() ? "" : ", ").append(count).append(' ').append(what);
        }
    }
}
