package io.gatehouse.connectors.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A wall clock the test moves by hand, so nothing ever sleeps. */
final class ManualInstantSource implements InstantSource {
    private final AtomicReference<Instant> now;

    ManualInstantSource(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }
}
