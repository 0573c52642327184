package io.gatehouse.data.friction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gatehouse.data.incidents.ResponseTimes;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrictionFormulaTest {
    private static final double EPS = 1e-9;

    /** Every component defined, with round numbers worked out by hand in docs/friction.md. */
    static FrictionInputs worked() {
        return new FrictionInputs(
                Ratio.of(6, 8),           // checklist 0.75
                Ratio.of(90, 100),        // edge stops 0.9
                Ratio.of(3, 4),           // mTLS 0.75
                new ResponseTimes(3, Optional.of(Duration.ofHours(1)), Optional.of(Duration.ofHours(2)),
                        Optional.of(Duration.ofHours(8)), Duration.ofHours(5)),
                new BigDecimal("1000"), new BigDecimal("1000"),
                Ratio.of(5, 1000),        // 0.5 % false positives
                Ratio.of(2, 10),          // 20 % reversed
                Ratio.of(1, 10));         // 10 % abandon at challenge
    }

    @Test
    void theWorkedExampleMatchesTheHandComputation() {
        FrictionScore s = FrictionFormula.score(worked());

        // barrier = .4*.75 + .3*.9 + .3*.75 = .795
        assertThat(s.axis(FrictionAxis.BARRIER).value()).isCloseTo(0.795, within(EPS));
        // response = .5 * 1/(1+1) + .5 * 1/(1+2/4) = .25 + .3333...
        assertThat(s.axis(FrictionAxis.RESPONSE).value()).isCloseTo(0.25 + 1.0 / 3, within(EPS));
        // recovery = .5 * 1/(1+8/8) + .5 * 1/(1+1000/1000) = .5
        assertThat(s.axis(FrictionAxis.RECOVERY).value()).isCloseTo(0.5, within(EPS));
        // each impact share sits at its half point: .5
        assertThat(s.impact()).isCloseTo(0.5, within(EPS));
        // defence = .4*.795 + .3*.58333 + .3*.5 = .643; score = 100 * .643 * (1 - .5*.5)
        assertThat(s.defence()).isCloseTo(0.643, within(EPS));
        assertThat(s.score()).isCloseTo(48.225, within(EPS));
        assertThat(s.rounded()).isEqualTo(48);
    }

    @Test
    void theBreakdownTracesEveryNumberToItsInputs() {
        FrictionScore s = FrictionFormula.score(worked());

        FrictionTerm edge = s.axis(FrictionAxis.BARRIER).terms().get(1);
        assertThat(edge.component()).isEqualTo(FrictionComponent.EDGE_STOPS);
        assertThat(edge.ratio()).contains(Ratio.of(90, 100));
        assertThat(edge.normalised()).isCloseTo(0.9, within(EPS));
        assertThat(edge.weight()).isCloseTo(0.3, within(EPS));
        assertThat(edge.contribution()).isCloseTo(0.27, within(EPS));
        FrictionTerm contain = s.axis(FrictionAxis.RESPONSE).terms().get(1);
        assertThat(contain.duration()).contains(Duration.ofHours(2));
        FrictionTerm cost = s.axis(FrictionAxis.RECOVERY).terms().get(1);
        assertThat(cost.amount()).contains(new BigDecimal("1000"));
        assertThat(cost.reference()).contains(new BigDecimal("1000"));
        double sum = 0;
        for (FrictionAxis axis : new FrictionAxis[] {FrictionAxis.BARRIER, FrictionAxis.RESPONSE, FrictionAxis.RECOVERY}) {
            AxisScore a = s.axis(axis);
            assertThat(a.terms().stream().mapToDouble(FrictionTerm::contribution).sum()).isCloseTo(a.value(), within(EPS));
            sum += a.weight() * a.value();
        }
        assertThat(sum).isCloseTo(s.defence(), within(EPS));
    }

    @Test
    void noIncidentsYetLeavesTheResponseAxisNeutralAndDropsRecoveryTime() {
        FrictionInputs in = worked().withResponse(ResponseTimes.none()).withDowntimeCost(BigDecimal.ZERO, new BigDecimal("1000"));

        FrictionScore s = FrictionFormula.score(in);

        AxisScore response = s.axis(FrictionAxis.RESPONSE);
        assertThat(response.neutral()).isTrue();
        assertThat(response.value()).isEqualTo(FrictionWeights.NEUTRAL);
        assertThat(response.terms()).allSatisfy(t -> assertThat(t.defined()).isFalse());
        // recovery: time left out, so zero downtime cost (score 1) carries the whole axis
        AxisScore recovery = s.axis(FrictionAxis.RECOVERY);
        assertThat(recovery.terms().get(0).defined()).isFalse();
        assertThat(recovery.terms().get(1).weight()).isEqualTo(1.0);
        assertThat(recovery.value()).isEqualTo(1.0);
        // defence = .4*.795 + .3*.5 + .3*1 = .768; impact .5 → 76.8 * .75
        assertThat(s.score()).isCloseTo(57.6, within(EPS));
    }

    @Test
    void incidentsNotContainedYetScoreContainmentZero() {
        FrictionInputs in = worked().withResponse(new ResponseTimes(1, Optional.of(Duration.ofHours(1)),
                Optional.empty(), Optional.empty(), Duration.ofHours(2)));

        AxisScore response = FrictionFormula.score(in).axis(FrictionAxis.RESPONSE);

        assertThat(response.terms().get(1).defined()).isTrue();
        assertThat(response.terms().get(1).normalised()).isZero();
        assertThat(response.value()).isCloseTo(0.25, within(EPS));
    }

    @Test
    void zeroTrafficLeavesRatesUndefinedWithoutDividingByZero() {
        FrictionInputs in = FrictionInputs.empty().withBoundaryChecklist(Ratio.of(4, 8))
                .withEdgeStops(Ratio.none()).withMtls(Ratio.none())
                .withFalsePositives(Ratio.of(0, 0)).withReversals(Ratio.none()).withAuthFriction(Ratio.none());

        FrictionScore s = FrictionFormula.score(in);

        // barrier from the checklist alone, its weight scaled to 1
        assertThat(s.axis(FrictionAxis.BARRIER).value()).isCloseTo(0.5, within(EPS));
        assertThat(s.axis(FrictionAxis.BARRIER).terms().get(0).weight()).isEqualTo(1.0);
        // no customers, no client impact
        assertThat(s.axis(FrictionAxis.CLIENT_IMPACT).neutral()).isTrue();
        assertThat(s.impact()).isZero();
        // recovery with neither downtime nor a baseline is neutral too
        assertThat(s.axis(FrictionAxis.RECOVERY).neutral()).isTrue();
        assertThat(s.score()).isCloseTo(50.0, within(EPS));
        assertThat(Double.isFinite(s.score())).isTrue();
    }

    @Test
    void nothingKnownAtAllScoresTheNeutralFifty() {
        assertThat(FrictionFormula.score(FrictionInputs.empty()).score()).isCloseTo(50.0, within(EPS));
    }

    @Test
    void downtimeWithoutABaselineScoresZeroForCost() {
        FrictionInputs in = FrictionInputs.empty().withDowntimeCost(new BigDecimal("10"), BigDecimal.ZERO);

        assertThat(FrictionFormula.score(in).axis(FrictionAxis.RECOVERY).value()).isZero();
    }

    @Test
    void nanInfiniteAndNegativeCountsAreRefusedWithASentence() {
        assertThatThrownBy(() -> Ratio.of(Double.NaN, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("part must be a finite number, got NaN");
        assertThatThrownBy(() -> Ratio.of(1, Double.POSITIVE_INFINITY)).hasMessage("whole must be a finite number, got Infinity");
        assertThatThrownBy(() -> Ratio.of(-1, 10)).hasMessage("part must not be negative, got -1.0");
        assertThatThrownBy(() -> Ratio.of(11, 10)).hasMessage("a part (11.0) cannot exceed its whole (10.0)");
        assertThatThrownBy(() -> FrictionInputs.empty().withDowntimeCost(new BigDecimal("-1"), BigDecimal.ONE))
                .hasMessage("the downtime cost must not be negative, got -1");
        assertThatThrownBy(() -> FrictionInputs.empty().withResponse(new ResponseTimes(1,
                Optional.of(Duration.ofMinutes(-5)), Optional.empty(), Optional.empty(), Duration.ZERO)))
                .hasMessage("the mean time to detect must not be negative, got PT-5M");
    }
}
