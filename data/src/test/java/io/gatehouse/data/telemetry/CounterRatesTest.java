package io.gatehouse.data.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CounterRatesTest {

    @Test
    void increaseOfASteadyCounterIsLastMinusFirst() {
        assertThat(CounterRates.increase(new double[] {10, 15, 15, 30})).hasValue(20);
    }

    @Test
    void aDropIsARestartSoTheNewValueCountsInFull() {
        // 100 -> 130 (+30), restart, 5 (+5), 12 (+7)
        assertThat(CounterRates.increase(new double[] {100, 130, 5, 12})).hasValue(42);
        // a restart straight to zero adds nothing but loses nothing either
        assertThat(CounterRates.increase(new double[] {7, 0, 3})).hasValue(3);
    }

    @Test
    void noDataIsNotZero() {
        assertThat(CounterRates.increase(new double[] {})).isEmpty();
        assertThat(CounterRates.increase(new double[] {42})).isEmpty();
        assertThat(CounterRates.increase(new double[] {Double.NaN, 5, Double.NaN})).isEmpty();
        // two equal samples are data: nothing happened, which is zero
        assertThat(CounterRates.increase(new double[] {5, 5})).hasValue(0);
    }

    @Test
    void nanSamplesAreSkippedAndInfinityOrNegativeMeansNoData() {
        assertThat(CounterRates.increase(new double[] {1, Double.NaN, 4})).hasValue(3);
        assertThat(CounterRates.increase(new double[] {1, Double.POSITIVE_INFINITY, 4})).isEmpty();
        assertThat(CounterRates.increase(new double[] {1, Double.NEGATIVE_INFINITY})).isEmpty();
        assertThat(CounterRates.increase(new double[] {1, -2})).isEmpty();
    }

    @Test
    void ratePerSecondSpansFirstToLastUsableSample() {
        long[] at = {0, 10_000, 20_000, 30_000};
        assertThat(CounterRates.ratePerSecond(at, new double[] {0, 10, 20, 30}).getAsDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(CounterRates.ratePerSecond(at, new double[] {Double.NaN, 10, 20, Double.NaN}).getAsDouble())
                .isCloseTo(1.0, within(1e-12));
        assertThat(CounterRates.ratePerSecond(new long[] {5, 5}, new double[] {1, 2})).isEmpty();
    }

    @Test
    void ratioOfNothingIsNoDataNotZero() {
        assertThat(CounterRates.ratio(OptionalDouble.of(0), OptionalDouble.of(0))).isEmpty();
        assertThat(CounterRates.ratio(OptionalDouble.of(1), OptionalDouble.empty())).isEmpty();
        assertThat(CounterRates.ratio(OptionalDouble.of(0), OptionalDouble.of(4))).hasValue(0);
        assertThat(CounterRates.ratio(OptionalDouble.of(1), OptionalDouble.of(4))).hasValue(0.25);
    }
}
