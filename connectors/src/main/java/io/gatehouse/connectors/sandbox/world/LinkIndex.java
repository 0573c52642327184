package io.gatehouse.connectors.sandbox.world;

import io.gatehouse.connectors.sandbox.cases.CaseEvidence.LinkedOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recent orders by shared identifier (card fingerprint, device, email), bounded in keys and per key. */
public final class LinkIndex {
    private static final int PER_KEY = 20;
    private static final int MAX_KEYS = 50_000;

    private record Seen(String orderId, Instant at) {
    }

    private final Map<String, ArrayDeque<Seen>> byKey = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<Seen>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    /** Orders seen with this identifier within the window before {@code at}. */
    public int countWithin(String via, String value, Instant at, Duration window) {
        ArrayDeque<Seen> seen = byKey.get(via + ':' + value);
        if (seen == null) {
            return 0;
        }
        Instant from = at.minus(window);
        int n = 0;
        for (Seen s : seen) {
            if (!s.at().isBefore(from)) {
                n++;
            }
        }
        return n;
    }

    /** Up to {@code max} earlier orders sharing any identifier, newest first. */
    public List<LinkedOrder> linked(Map<String, String> identifiers, int max) {
        List<LinkedOrder> out = new ArrayList<>();
        for (Map.Entry<String, String> id : identifiers.entrySet()) {
            ArrayDeque<Seen> seen = byKey.get(id.getKey() + ':' + id.getValue());
            if (seen == null) {
                continue;
            }
            var it = seen.descendingIterator();
            while (it.hasNext() && out.size() < max) {
                Seen s = it.next();
                out.add(new LinkedOrder(s.orderId(), id.getKey(), s.at()));
            }
        }
        return out;
    }

    public void record(Map<String, String> identifiers, String orderId, Instant at) {
        for (Map.Entry<String, String> id : identifiers.entrySet()) {
            ArrayDeque<Seen> seen = byKey.computeIfAbsent(id.getKey() + ':' + id.getValue(), k -> new ArrayDeque<>());
            seen.addLast(new Seen(orderId, at));
            if (seen.size() > PER_KEY) {
                seen.removeFirst();
            }
        }
    }
}
