package io.gatehouse.data.friction;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * One component as it entered the score: what was measured, what it normalised to, and its
 * weight within its axis after components without data were left out.
 *
 * @param component  which input this is
 * @param ratio      the counts, for share components
 * @param duration   the mean time, for time components, when any incident reached that stage
 * @param amount     the cost in the period, for the money component
 * @param reference  the cost that scores one half, for the money component
 * @param normalised the 0..1 value (for client impact: the harm, 0 = none)
 * @param weight     the weight used; 0 when the component had no data and was left out
 * @param defined    false when there was nothing to measure (zero traffic, no incidents)
 */
public record FrictionTerm(FrictionComponent component, Optional<Ratio> ratio, Optional<Duration> duration,
        Optional<BigDecimal> amount, Optional<BigDecimal> reference, double normalised, double weight, boolean defined) {

    /** The term's share of its axis: normalised times weight. */
    public double contribution() {
        return normalised * weight;
    }
}
