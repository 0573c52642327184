package io.gatehouse.data.friction;

import static io.gatehouse.data.friction.FrictionComponent.AUTHENTICATION_FRICTION;
import static io.gatehouse.data.friction.FrictionComponent.BOUNDARY_CHECKLIST;
import static io.gatehouse.data.friction.FrictionComponent.CONTAINMENT;
import static io.gatehouse.data.friction.FrictionComponent.DETECTION;
import static io.gatehouse.data.friction.FrictionComponent.DOWNTIME_COST;
import static io.gatehouse.data.friction.FrictionComponent.EDGE_STOPS;
import static io.gatehouse.data.friction.FrictionComponent.FALSE_POSITIVE_DECLINES;
import static io.gatehouse.data.friction.FrictionComponent.MTLS_COVERAGE;
import static io.gatehouse.data.friction.FrictionComponent.RECOVERY_TIME;
import static io.gatehouse.data.friction.FrictionComponent.REVERSALS;

import io.gatehouse.data.incidents.ResponseTimes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes the Adversarial Friction score from its inputs with the weights of
 * {@link FrictionWeights}. A higher score means harder for the attacker and easier for the customer.
 *
 * <p>Missing evidence is never read as perfect or as zero: a share with nothing counted (zero
 * traffic) and a mean time with no incidents are left out and the axis's other components carry
 * its weight; an axis with no evidence at all takes the neutral value. One exception: incidents
 * that started but that none reached a stage (none contained yet) score that stage 0, because the
 * clock is still running on them.
 */
public final class FrictionFormula {
    private FrictionFormula() {
    }

    public static FrictionScore score(FrictionInputs in) {
        Objects.requireNonNull(in, "inputs");
        AxisScore barrier = axis(FrictionAxis.BARRIER, FrictionWeights.NEUTRAL, List.of(
                share(BOUNDARY_CHECKLIST, in.boundaryChecklist()),
                share(EDGE_STOPS, in.edgeStops()),
                share(MTLS_COVERAGE, in.mtls())));
        ResponseTimes times = in.response();
        AxisScore response = axis(FrictionAxis.RESPONSE, FrictionWeights.NEUTRAL, List.of(
                time(DETECTION, times, times.meanTimeToDetect(), FrictionWeights.DETECT_HALF),
                time(CONTAINMENT, times, times.meanTimeToContain(), FrictionWeights.CONTAIN_HALF)));
        double cost = in.downtimeCost().doubleValue();
        double reference = in.downtimeReference().doubleValue();
        // with neither a cost nor a baseline to compare it with, there is nothing to say about downtime
        FrictionTerm downtime = cost == 0 && reference == 0 ? undefined(DOWNTIME_COST, Optional.empty(), Optional.empty())
                : new FrictionTerm(DOWNTIME_COST, Optional.empty(), Optional.empty(),
                        Optional.of(in.downtimeCost()), Optional.of(in.downtimeReference()),
                        FrictionWeights.cost(cost, reference), FrictionWeights.withinAxis(DOWNTIME_COST), true);
        AxisScore recovery = axis(FrictionAxis.RECOVERY, FrictionWeights.NEUTRAL, List.of(
                time(RECOVERY_TIME, times, times.meanTimeToRecover(), FrictionWeights.RECOVER_HALF), downtime));
        AxisScore impact = axis(FrictionAxis.CLIENT_IMPACT, 0.0, List.of(
                harm(FALSE_POSITIVE_DECLINES, in.falsePositives(), FrictionWeights.FALSE_POSITIVE_HALF),
                harm(REVERSALS, in.reversals(), FrictionWeights.REVERSAL_HALF),
                harm(AUTHENTICATION_FRICTION, in.authFriction(), FrictionWeights.AUTH_FRICTION_HALF)));

        double defence = FrictionWeights.BARRIER * barrier.value() + FrictionWeights.RESPONSE * response.value()
                + FrictionWeights.RECOVERY * recovery.value();
        double score = 100.0 * defence * (1.0 - FrictionWeights.IMPACT_CAP * impact.value());
        // rounding in the sums must not carry the score a hair outside its range
        score = Math.clamp(score, 0.0, 100.0);
        return new FrictionScore(score, defence, impact.value(), List.of(barrier, response, recovery, impact));
    }

    private static FrictionTerm share(FrictionComponent c, Ratio r) {
        return r.value().isPresent()
                ? new FrictionTerm(c, Optional.of(r), Optional.empty(), Optional.empty(), Optional.empty(),
                        r.value().getAsDouble(), FrictionWeights.withinAxis(c), true)
                : undefined(c, Optional.of(r), Optional.empty());
    }

    private static FrictionTerm harm(FrictionComponent c, Ratio r, double half) {
        return r.value().isPresent()
                ? new FrictionTerm(c, Optional.of(r), Optional.empty(), Optional.empty(), Optional.empty(),
                        FrictionWeights.harm(r.value().getAsDouble(), half), FrictionWeights.withinAxis(c), true)
                : undefined(c, Optional.of(r), Optional.empty());
    }

    private static FrictionTerm time(FrictionComponent c, ResponseTimes times, Optional<Duration> mean, Duration half) {
        if (mean.isPresent()) {
            return new FrictionTerm(c, Optional.empty(), mean, Optional.empty(), Optional.empty(),
                    FrictionWeights.time(mean.get(), half), FrictionWeights.withinAxis(c), true);
        }
        if (times.incidents() > 0) {
            // incidents are open at this stage: the worst reading, not a missing one
            return new FrictionTerm(c, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    0.0, FrictionWeights.withinAxis(c), true);
        }
        return undefined(c, Optional.empty(), Optional.empty());
    }

    private static FrictionTerm undefined(FrictionComponent c, Optional<Ratio> ratio, Optional<Duration> duration) {
        return new FrictionTerm(c, ratio, duration, Optional.empty(), Optional.empty(), 0.0, 0.0, false);
    }

    /** The weighted mean of the defined terms, their weights scaled to sum to 1; {@code neutral} when none is defined. */
    private static AxisScore axis(FrictionAxis axis, double neutral, List<FrictionTerm> terms) {
        double total = terms.stream().mapToDouble(FrictionTerm::weight).sum();
        if (total == 0) {
            return new AxisScore(axis, neutral, FrictionWeights.axis(axis), true, terms);
        }
        List<FrictionTerm> scaled = new ArrayList<>();
        double value = 0;
        for (FrictionTerm t : terms) {
            FrictionTerm s = new FrictionTerm(t.component(), t.ratio(), t.duration(), t.amount(), t.reference(),
                    t.normalised(), t.weight() / total, t.defined());
            scaled.add(s);
            value += s.contribution();
        }
        return new AxisScore(axis, Math.clamp(value, 0.0, 1.0), FrictionWeights.axis(axis), false, scaled);
    }
}
