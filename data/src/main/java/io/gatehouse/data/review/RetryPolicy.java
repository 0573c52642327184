package io.gatehouse.data.review;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter, never sooner than the upstream's Retry-After. Full
 * jitter keeps many consoles from retrying in step after an outage.
 */
public record RetryPolicy(Duration base, Duration cap, RandomGenerator random) {
    public RetryPolicy {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(random, "random");
    }

    public static RetryPolicy standard(RandomGenerator random) {
        return new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), random);
    }

    /** The wait before attempt number {@code attempts + 1}, after {@code attempts} failures. */
    public Duration delayAfter(int attempts, Duration retryAfter) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempts - 1, 20));
        long jittered = ceiling <= 0 ? 0 : random.nextLong(ceiling + 1);
        Duration delay = Duration.ofMillis(Math.max(jittered, base.toMillis() / 2));
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            // an upstream asking for more than an hour is misconfigured; check back within the hour
            delay = retryAfter.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : retryAfter;
        }
        return delay;
    }
}
