package io.gatehouse.connectors.sandbox.cases;

import io.gatehouse.connectors.sandbox.problem.ApiProblem;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The stream of case changes, bounded: a reader that falls too far behind is told to resynchronise. */
public final class EventLog {
    private final int capacity;
    private final ArrayDeque<CaseEvent> events = new ArrayDeque<>();
    private long nextSequence = 1;

    public EventLog(int capacity) {
        this.capacity = capacity;
    }

    public void append(String type, SandboxCase c, Instant at) {
        long seq = nextSequence++;
        events.addLast(new CaseEvent("evt_%010d".formatted(seq), seq, type, c.id(), c.status().wireName(), at));
        if (events.size() > capacity) {
            events.removeFirst();
        }
    }

    /** Events after the cursor (exclusive); cursor 0 means from the oldest retained event. */
    public List<CaseEvent> after(long cursor, int limit) {
        if (cursor > 0 && !events.isEmpty() && cursor < events.getFirst().sequence() - 1) {
            throw new ApiProblem(410, "cursor-expired", "The cursor is too old",
                    "events before " + events.getFirst().sequence() + " have aged out; list cases again");
        }
        List<CaseEvent> page = new ArrayList<>();
        for (CaseEvent e : events) {
            if (e.sequence() > cursor) {
                page.add(e);
                if (page.size() > limit) {
                    break;
                }
            }
        }
        return page;
    }

    public long lastSequence() {
        return nextSequence - 1;
    }
}
