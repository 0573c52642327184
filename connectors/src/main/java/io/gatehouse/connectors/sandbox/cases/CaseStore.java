package io.gatehouse.connectors.sandbox.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** The cases the sandbox still remembers: a bounded store where the oldest cases age out first. */
public final class CaseStore {
    private final int capacity;
    private final Map<String, SandboxCase> byId = new LinkedHashMap<>();
    private final NavigableMap<Long, SandboxCase> bySequence = new TreeMap<>();
    private long nextSequence = 1;
    private long evicted;

    public CaseStore(int capacity) {
        this.capacity = capacity;
    }

    public long nextSequence() {
        return nextSequence++;
    }

    public void add(SandboxCase c) {
        byId.put(c.id(), c);
        bySequence.put(c.sequence(), c);
        while (byId.size() > capacity) {
            Iterator<SandboxCase> oldest = byId.values().iterator();
            SandboxCase gone = oldest.next();
            oldest.remove();
            bySequence.remove(gone.sequence());
            evicted++;
        }
    }

    public Optional<SandboxCase> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return byId.size();
    }

    public long evicted() {
        return evicted;
    }

    public Iterable<SandboxCase> all() {
        return byId.values();
    }

    /**
     * Newest first, starting below the cursor's sequence. Returns one more than the limit when there is a
     * further page, so the caller can say so without a second scan.
     */
    public List<SandboxCase> page(CaseQuery query, Long beforeSequence, int limit, Instant now) {
        NavigableMap<Long, SandboxCase> view = beforeSequence == null
                ? bySequence.descendingMap()
                : bySequence.headMap(beforeSequence, false).descendingMap();
        List<SandboxCase> page = new ArrayList<>();
        for (SandboxCase c : view.values()) {
            if (query.matches(c, now)) {
                page.add(c);
                if (page.size() > limit) {
                    break;
                }
            }
        }
        return page;
    }
}
