package io.gatehouse.data.time;

import java.time.Duration;

/** Waits for a duration; injected wherever a rule waits, so tests advance time instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** The real sleeper, for production wiring only. */
    static Sleeper system() {
        return duration -> Thread.sleep(duration);
    }
}
