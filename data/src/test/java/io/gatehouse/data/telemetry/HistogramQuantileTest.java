package io.gatehouse.data.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HistogramQuantileTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void interpolatesInsideTheBucketLikePrometheus() {
        // 100 observations: 50 under 0.1, 40 in (0.1, 0.5], 10 in (0.5, 1]
        double[] le = {0.1, 0.5, 1, INF};
        double[] counts = {50, 90, 100, 100};
        // rank 95 is half-way through the third bucket
        assertThat(HistogramQuantile.of(0.95, le, counts).getAsDouble()).isCloseTo(0.75, within(1e-12));
        // rank 25 is half-way through the first bucket, whose lower bound is 0
        assertThat(HistogramQuantile.of(0.25, le, counts).getAsDouble()).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void aRankInTheOpenBucketAnswersItsLowerBound() {
        assertThat(HistogramQuantile.of(0.95, new double[] {0.1, 1, INF}, new double[] {10, 20, 100})).hasValue(1);
    }

    @Test
    void anEmptyOrShapelessHistogramIsNoData() {
        assertThat(HistogramQuantile.of(0.95, new double[] {0.1, INF}, new double[] {0, 0})).isEmpty();
        assertThat(HistogramQuantile.of(0.95, new double[] {0.1, 1}, new double[] {1, 2})).isEmpty();
        assertThat(HistogramQuantile.of(1.5, new double[] {0.1, INF}, new double[] {1, 2})).isEmpty();
        assertThat(HistogramQuantile.of(0.5, new double[] {0.1, INF}, new double[] {1, Double.NaN})).isEmpty();
    }
}
