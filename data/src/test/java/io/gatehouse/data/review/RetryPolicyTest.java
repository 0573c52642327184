package io.gatehouse.data.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = RetryPolicy.standard(RandomGenerator.of("L64X128MixRandom"));

    @Test
    void backoffGrowsWithinItsCeilingAndNeverBelowHalfTheBase() {
        for (int attempt = 1; attempt <= 30; attempt++) {
            long ceiling = Math.min(300_000, 1000L << Math.min(attempt - 1, 20));
            for (int i = 0; i < 50; i++) {
                long delay = policy.delayAfter(attempt, null).toMillis();
                assertThat(delay).isBetween(500L, Math.max(500L, ceiling));
            }
        }
    }

    @Test
    void retryAfterIsHonouredUpToAnHour() {
        assertThat(policy.delayAfter(1, Duration.ofSeconds(90))).isEqualTo(Duration.ofSeconds(90));
        assertThat(policy.delayAfter(1, Duration.ofDays(2))).isEqualTo(Duration.ofHours(1));
        assertThat(policy.delayAfter(12, Duration.ofMillis(1))).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }
}
