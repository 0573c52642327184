package io.gatehouse.data.anomaly;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * What a series usually looks like at a given time: an exponentially weighted mean and variance
 * per hour of the week, backed by one per hour of the day (learned within a day, before a week
 * has been seen) and one overall (learned within the first hour). The most specific profile that
 * has seen enough observations answers. Hours are UTC: each region learns its own local rhythm.
 */
public final class SeasonalBaseline {
    /** Observations a profile slot needs before it is trusted. */
    static final int TRUSTED_AFTER = 30;
    private static final double SLOT_ALPHA = 0.05;
    private static final double OVERALL_ALPHA = 0.02;

    /**
     * A mean and a variance of the rate, the typical exposure behind them, and how many observations
     * shaped them. The variance includes the counting noise at that exposure.
     */
    public record Expectation(double mean, double variance, double exposure, long seen) {
    }

    private final Slot[] weekly = slots(7 * 24);
    private final Slot[] daily = slots(24);
    private final Slot overall = new Slot();

    private static Slot[] slots(int n) {
        Slot[] s = new Slot[n];
        for (int i = 0; i < n; i++) {
            s[i] = new Slot();
        }
        return s;
    }

    /** The expectation at {@code at}, or one with {@code seen == 0} while nothing is trusted yet. */
    public Expectation expectation(Instant at) {
        ZonedDateTime t = at.atZone(ZoneOffset.UTC);
        Slot w = weekly[weekHour(t)];
        if (w.seen >= TRUSTED_AFTER) {
            return w.expectation();
        }
        Slot d = daily[t.getHour()];
        if (d.seen >= TRUSTED_AFTER) {
            return d.expectation();
        }
        return overall.seen >= TRUSTED_AFTER ? overall.expectation() : new Expectation(overall.mean, overall.variance, overall.exposure, 0);
    }

    /** Learns one observed rate at {@code at}. */
    public void learn(Instant at, double rate, double exposure) {
        ZonedDateTime t = at.atZone(ZoneOffset.UTC);
        weekly[weekHour(t)].update(rate, exposure, SLOT_ALPHA);
        daily[t.getHour()].update(rate, exposure, SLOT_ALPHA);
        overall.update(rate, exposure, OVERALL_ALPHA);
    }

    /**
     * Learns a rate only in the profiles not trusted yet. While a series is anomalous the trusted
     * profiles must not learn, but the ones still warming up must: otherwise an hour first seen
     * during an anomaly would never become trusted, and the series would stay judged by a coarser
     * profile for good.
     */
    public void learnWhereUntrusted(Instant at, double rate, double exposure) {
        ZonedDateTime t = at.atZone(ZoneOffset.UTC);
        for (Slot slot : new Slot[] {weekly[weekHour(t)], daily[t.getHour()], overall}) {
            if (slot.seen < TRUSTED_AFTER) {
                slot.update(rate, exposure, slot == overall ? OVERALL_ALPHA : SLOT_ALPHA);
            }
        }
    }

    private static int weekHour(ZonedDateTime t) {
        return (t.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()) * 24 + t.getHour();
    }

    private static final class Slot {
        private double mean;
        private double variance;
        private double exposure;
        private long seen;

        void update(double x, double n, double alpha) {
            if (seen == 0) {
                mean = x;
                variance = 0;
                exposure = n;
            } else {
                // a slow start would let the first few values dominate for hours: average them plainly first
                double a = Math.max(alpha, 1.0 / (seen + 1));
                double diff = x - mean;
                double increment = a * diff;
                mean += increment;
                variance = (1 - a) * (variance + diff * increment);
                exposure += a * (n - exposure);
            }
            seen++;
        }

        Expectation expectation() {
            return new Expectation(mean, variance, exposure, seen);
        }
    }
}
