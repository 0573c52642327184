package io.gatehouse.connectors.events;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts verdicts per scheme, so forged, stale and replayed deliveries are visible, not silent. */
public final class SignatureCounters {
    private final Map<String, Map<Verdict, LongAdder>> counts = new ConcurrentHashMap<>();

    public Verdict record(String scheme, Verdict verdict) {
        counts.computeIfAbsent(scheme, s -> {
            Map<Verdict, LongAdder> m = new EnumMap<>(Verdict.class);
            for (Verdict v : Verdict.values()) {
                m.put(v, new LongAdder());
            }
            return m;
        }).get(verdict).increment();
        return verdict;
    }

    public long count(String scheme, Verdict verdict) {
        Map<Verdict, LongAdder> m = counts.get(scheme);
        return m == null ? 0 : m.get(verdict).sum();
    }
}
