package io.gatehouse.data.friction;

import java.util.List;

/**
 * One axis of the breakdown.
 *
 * @param axis    which axis
 * @param value   0..1: the weighted mean of its defined terms, or {@link FrictionWeights#NEUTRAL}
 *                (client impact: 0) when none is defined
 * @param weight  the axis's weight in the score
 * @param neutral true when no term had data and the axis took its neutral value
 * @param terms   every component of the axis, defined or not
 */
public record AxisScore(FrictionAxis axis, double value, double weight, boolean neutral, List<FrictionTerm> terms) {
    public AxisScore {
        terms = List.copyOf(terms);
    }
}
