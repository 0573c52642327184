package io.gatehouse.data.friction;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every weight and normalisation of the Adversarial Friction score, in one place. docs/friction.md
 * explains each number; change them here and nowhere else.
 *
 * <p>Times and money are turned into 0..1 with {@code 1 / (1 + x / half)}: zero scores 1, the
 * half point scores 0.5, and it falls smoothly without ever reaching 0, so a slow response is
 * always better than a slower one. Client-impact shares use the mirror {@code r / (r + half)}.
 */
public final class FrictionWeights {
    /** The score when an axis has no evidence at all: neither credit nor blame. */
    public static final double NEUTRAL = 0.5;

    /** Share of the defence each axis carries; they sum to 1. */
    public static final double BARRIER = 0.40;
    public static final double RESPONSE = 0.30;
    public static final double RECOVERY = 0.30;

    /** How much of the score client impact can take away at most (all of it at 1, none at 0). */
    public static final double IMPACT_CAP = 0.50;

    /** Mean time to detect that scores one half. */
    public static final Duration DETECT_HALF = Duration.ofHours(1);
    /** Mean time to contain that scores one half. */
    public static final Duration CONTAIN_HALF = Duration.ofHours(4);
    /** Mean time to recover that scores one half. */
    public static final Duration RECOVER_HALF = Duration.ofHours(8);

    /** False-positive decline share of attempts that counts as half the worst impact: 0.5 %. */
    public static final double FALSE_POSITIVE_HALF = 0.005;
    /** Reversed share of reviewed declines that counts as half the worst impact: 20 %. */
    public static final double REVERSAL_HALF = 0.20;
    /** Abandoned share of authentication challenges that counts as half the worst impact: 10 %. */
    public static final double AUTH_FRICTION_HALF = 0.10;

    private static final Map<FrictionComponent, Double> WITHIN_AXIS = new EnumMap<>(Map.of(
            FrictionComponent.BOUNDARY_CHECKLIST, 0.40,
            FrictionComponent.EDGE_STOPS, 0.30,
            FrictionComponent.MTLS_COVERAGE, 0.30,
            FrictionComponent.DETECTION, 0.50,
            FrictionComponent.CONTAINMENT, 0.50,
            FrictionComponent.RECOVERY_TIME, 0.50,
            FrictionComponent.DOWNTIME_COST, 0.50,
            FrictionComponent.FALSE_POSITIVE_DECLINES, 0.50,
            FrictionComponent.REVERSALS, 0.25,
            FrictionComponent.AUTHENTICATION_FRICTION, 0.25));

    private FrictionWeights() {
    }

    /** The component's weight within its axis; the weights of one axis sum to 1. */
    public static double withinAxis(FrictionComponent component) {
        return WITHIN_AXIS.get(component);
    }

    /** The axis's share of the defence; client impact is not a share and answers {@link #IMPACT_CAP}. */
    public static double axis(FrictionAxis axis) {
        return switch (axis) {
            case BARRIER -> BARRIER;
            case RESPONSE -> RESPONSE;
            case RECOVERY -> RECOVERY;
            case CLIENT_IMPACT -> IMPACT_CAP;
        };
    }

    /** 1 / (1 + t / half): a faster time never scores lower. */
    public static double time(Duration measured, Duration half) {
        return 1.0 / (1.0 + (double) measured.toMillis() / half.toMillis());
    }

    /** 1 / (1 + cost / reference); without a reference any cost scores 0 and none scores 1. */
    public static double cost(double cost, double reference) {
        if (reference == 0) {
            return cost == 0 ? 1.0 : 0.0;
        }
        return 1.0 / (1.0 + cost / reference);
    }

    /** r / (r + half): the harm a client-impact share stands for, 0 at none. */
    public static double harm(double share, double half) {
        return share / (share + half);
    }
}
