package io.gatehouse.connectors.events;

import java.time.Duration;

/**
 * The bounds of one event stream.
 *
 * @param maxLineBytes a line (one signed event with its envelope) longer than this is skipped whole and counted
 * @param tolerance    how far a signing time may lie from the console's clock (Stripe's default is 300 s)
 * @param replayMemory distinct events remembered to catch replays; the oldest are forgotten first
 */
public record EventStreamLimits(int maxLineBytes, Duration tolerance, int replayMemory) {
    public static final EventStreamLimits DEFAULT = new EventStreamLimits(64 * 1024, Duration.ofSeconds(300), 100_000);

    public EventStreamLimits {
        if (maxLineBytes < 256 || replayMemory < 1 || tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("event stream limits must be positive (lines of at least 256 bytes)");
        }
    }
}
