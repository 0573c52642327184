package io.gatehouse.connectors.events;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers what was accepted within the tolerance window, so a captured delivery cannot be
 * played again while it is still fresh. Bounded: the oldest entries go first.
 */
public final class ReplayGuard {
    private final InstantSource clock;
    private final Duration window;
    private final int capacity;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    public ReplayGuard(InstantSource clock, Duration window, int capacity) {
        this.clock = clock;
        this.window = window;
        this.capacity = capacity;
    }

    /** True the first time {@code id} is offered within the window; false for a replay. */
    public synchronized boolean firstTime(String id) {
        Instant now = clock.instant();
        var oldest = seen.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Instant> e = oldest.next();
            if (e.getValue().plus(window).isAfter(now) && seen.size() < capacity) {
                break;
            }
            oldest.remove();
        }
        return seen.putIfAbsent(id, now) == null;
    }
}
