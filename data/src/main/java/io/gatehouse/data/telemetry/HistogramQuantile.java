package io.gatehouse.data.telemetry;

import java.util.OptionalDouble;

/**
 * A quantile from cumulative histogram buckets, interpolated linearly inside the bucket as
 * Prometheus's {@code histogram_quantile} does, so a sandbox-computed p95 and a Prometheus p95 agree.
 */
public final class HistogramQuantile {
    private HistogramQuantile() {
    }

    /**
     * @param q               the quantile, 0 to 1
     * @param upperBounds     bucket upper bounds, ascending, the last one +Inf
     * @param cumulativeCounts the count at or below each bound (increases over a window, usually)
     * @return no data when the histogram is empty, has no +Inf bucket, or q is out of range
     */
    public static OptionalDouble of(double q, double[] upperBounds, double[] cumulativeCounts) {
        int n = upperBounds.length;
        if (n < 2 || cumulativeCounts.length != n || upperBounds[n - 1] != Double.POSITIVE_INFINITY
                || !(q >= 0 && q <= 1)) {
            return OptionalDouble.empty();
        }
        double total = cumulativeCounts[n - 1];
        if (!(total > 0) || !Double.isFinite(total)) {
            return OptionalDouble.empty();
        }
        double rank = q * total;
        int b = 0;
        while (b < n - 1 && cumulativeCounts[b] < rank) {
            b++;
        }
        if (b == n - 1) {
            // the rank falls in the open-ended bucket: the best honest answer is its lower bound
            return OptionalDouble.of(upperBounds[n - 2]);
        }
        double lower = b == 0 ? 0 : upperBounds[b - 1];
        double below = b == 0 ? 0 : cumulativeCounts[b - 1];
        double inBucket = cumulativeCounts[b] - below;
        if (b == 0 && upperBounds[0] <= 0) {
            return OptionalDouble.of(upperBounds[0]);
        }
        if (inBucket <= 0) {
            return OptionalDouble.of(upperBounds[b]);
        }
        return OptionalDouble.of(lower + (upperBounds[b] - lower) * ((rank - below) / inBucket));
    }
}
