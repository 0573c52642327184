package io.gatehouse.data.telemetry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One series' points in two fixed rings: the newest raw points, and older points averaged into
 * fixed-width buckets. A raw point pushed out of the first ring is folded into the bucket it
 * falls in; a finished bucket becomes one point of the second ring. Not thread-safe: the hub guards it.
 */
final class SeriesBuffer {
    private final long[] recentAt;
    private final double[] recentValue;
    private int recentStart;
    private int recentSize;

    private final long[] olderAt;
    private final double[] olderValue;
    private int olderStart;
    private int olderSize;
    private final long stepMillis;

    private long bucketStart = Long.MIN_VALUE;
    private double bucketSum;
    private int bucketCount;

    SeriesBuffer(HubLimits limits) {
        recentAt = new long[limits.recentPoints()];
        recentValue = new double[limits.recentPoints()];
        olderAt = new long[limits.olderPoints()];
        olderValue = new double[limits.olderPoints()];
        stepMillis = limits.olderStep().toMillis();
    }

    /** The time of the newest point, or Long.MIN_VALUE when empty. */
    long lastAt() {
        return recentSize == 0 ? Long.MIN_VALUE : recentAt[(recentStart + recentSize - 1) % recentAt.length];
    }

    double lastValue() {
        return recentValue[(recentStart + recentSize - 1) % recentAt.length];
    }

    /** Adds a point newer than every other (the hub checks the order). */
    void add(long at, double value) {
        if (recentSize == recentAt.length) {
            fold(recentAt[recentStart], recentValue[recentStart]);
            recentStart = (recentStart + 1) % recentAt.length;
            recentSize--;
        }
        int i = (recentStart + recentSize) % recentAt.length;
        recentAt[i] = at;
        recentValue[i] = value;
        recentSize++;
    }

    private void fold(long at, double value) {
        long bucket = Math.floorDiv(at, stepMillis) * stepMillis;
        if (bucket != bucketStart && bucketCount > 0) {
            pushOlder(bucketStart, bucketSum / bucketCount);
            bucketSum = 0;
            bucketCount = 0;
        }
        bucketStart = bucket;
        bucketSum += value;
        bucketCount++;
    }

    private void pushOlder(long at, double mean) {
        int i = (olderStart + olderSize) % olderAt.length;
        if (olderSize == olderAt.length) {
            olderStart = (olderStart + 1) % olderAt.length;
        } else {
            olderSize++;
        }
        olderAt[i] = at;
        olderValue[i] = mean;
    }

    /** Points at or after {@code fromMillis}, oldest first: averaged buckets, the open bucket, then raw points. */
    List<KpiPoint> points(long fromMillis) {
        List<KpiPoint> out = new ArrayList<>();
        for (int k = 0; k < olderSize; k++) {
            int i = (olderStart + k) % olderAt.length;
            if (olderAt[i] >= fromMillis) {
                out.add(new KpiPoint(Instant.ofEpochMilli(olderAt[i]), olderValue[i]));
            }
        }
        if (bucketCount > 0 && bucketStart >= fromMillis) {
            out.add(new KpiPoint(Instant.ofEpochMilli(bucketStart), bucketSum / bucketCount));
        }
        for (int k = 0; k < recentSize; k++) {
            int i = (recentStart + k) % recentAt.length;
            if (recentAt[i] >= fromMillis) {
                out.add(new KpiPoint(Instant.ofEpochMilli(recentAt[i]), recentValue[i]));
            }
        }
        return out;
    }

    /** Points held now: raw, averaged and the open bucket. */
    int size() {
        return recentSize + olderSize + (bucketCount > 0 ? 1 : 0);
    }
}
