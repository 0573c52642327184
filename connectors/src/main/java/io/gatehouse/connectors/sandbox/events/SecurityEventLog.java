package io.gatehouse.connectors.sandbox.events;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The security events the simulated checkout backend relays, numbered in order. Bounded: the
 * oldest go first, so a client that falls far behind resumes from the oldest still held.
 * Guarded by the world's lock.
 */
public final class SecurityEventLog {
    /** One relayed event; {@code seq} is its position in the stream, 1 for the first. */
    public record Entry(long seq, String type, String region, Instant occurredAt, long count) {
        public String id() {
            return "sev_%012d".formatted(seq);
        }
    }

    private final int capacity;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long next = 1;

    public SecurityEventLog(int capacity) {
        this.capacity = capacity;
    }

    /** Records an event when something was counted; a zero count is no event. */
    public void record(String type, String region, Instant occurredAt, long count) {
        if (count <= 0) {
            return;
        }
        entries.addLast(new Entry(next++, type, region, occurredAt, count));
        if (entries.size() > capacity) {
            entries.removeFirst();
        }
    }

    /** Up to {@code limit} events after position {@code afterSeq}, oldest first. */
    public List<Entry> after(long afterSeq, int limit) {
        List<Entry> out = new ArrayList<>(Math.min(limit, entries.size()));
        if (entries.isEmpty() || entries.peekLast().seq() <= afterSeq) {
            return out;
        }
        for (Entry e : entries) {
            if (e.seq() > afterSeq) {
                out.add(e);
                if (out.size() == limit) {
                    break;
                }
            }
        }
        return out;
    }
}
