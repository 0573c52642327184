package io.gatehouse.connectors.sandbox.cases;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** First answers by Idempotency-Key, so a retried request gets the same answer; bounded, oldest keys go first. */
public final class IdempotencyLedger {

    /** The request a key was first used with, and the answer it got. */
    public record Entry(String requestFingerprint, int status, byte[] body) {
    }

    private final Map<String, Entry> entries;

    public IdempotencyLedger(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, IdempotencyLedger.Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    public Optional<Entry> find(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public void remember(String key, Entry entry) {
        entries.putIfAbsent(key, entry);
    }

    public int size() {
        return entries.size();
    }
}
