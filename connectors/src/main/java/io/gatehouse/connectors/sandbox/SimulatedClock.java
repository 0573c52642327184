package io.gatehouse.connectors.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** Simulated time: the start instant plus elapsed wall time multiplied by the speed. */
public final class SimulatedClock implements InstantSource {
    private final Instant start;
    private final InstantSource wall;
    private final Instant wallStart;
    private final double speed;

    public SimulatedClock(Instant start, InstantSource wall, double speed) {
        this.start = start;
        this.wall = wall;
        this.wallStart = wall.instant();
        this.speed = speed;
    }

    @Override
    public Instant instant() {
        Duration elapsed = Duration.between(wallStart, wall.instant());
        if (elapsed.isNegative()) {
            // A wall clock stepping backwards must never move simulated time backwards.
            return start;
        }
        double nanos = elapsed.toNanos() * speed;
        return start.plusNanos((long) Math.min(nanos, (double) Long.MAX_VALUE / 2));
    }

    public Instant start() {
        return start;
    }
}
