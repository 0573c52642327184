package io.gatehouse.data.friction;

import java.util.List;

/**
 * The Adversarial Friction score and everything it was made of, so each number can be traced.
 *
 * @param score   0..100: {@code 100 * defence * (1 - IMPACT_CAP * impact)}
 * @param defence 0..1: the weighted sum of the barrier, response and recovery axes
 * @param impact  0..1: the client impact, 0 = none
 * @param axes    barrier, response, recovery and client impact, in that order
 */
public record FrictionScore(double score, double defence, double impact, List<AxisScore> axes) {
    public FrictionScore {
        axes = List.copyOf(axes);
    }

    /** The score rounded to a whole number, as the slides show it. */
    public long rounded() {
        return Math.round(score);
    }

    public AxisScore axis(FrictionAxis axis) {
        return axes.stream().filter(a -> a.axis() == axis).findFirst().orElseThrow();
    }
}
