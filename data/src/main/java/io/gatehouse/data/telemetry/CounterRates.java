package io.gatehouse.data.telemetry;

import java.util.OptionalDouble;

/**
 * Increase and rate of a monotonic counter from its samples in time order. A drop means the
 * counter restarted from zero, so the new value itself is the increase since the restart (as
 * Prometheus's {@code increase} treats it). Unlike Prometheus, nothing is extrapolated to the window
 * edges: the answer covers exactly the first to the last sample.
 *
 * <p>"No data" is an empty {@link OptionalDouble}, never 0: fewer than two usable samples, an
 * infinite sample (the counter is broken, any sum would be a lie), or a zero time span. A NaN sample
 * is skipped, because exporters write NaN for "unknown right now" and the next sample is still good.
 */
public final class CounterRates {
    private CounterRates() {
    }

    /** The increase over the samples, resets included. */
    public static OptionalDouble increase(double[] values) {
        return increase(values, values.length);
    }

    /** The increase over the first {@code count} samples of {@code values}. */
    public static OptionalDouble increase(double[] values, int count) {
        double total = 0;
        double previous = Double.NaN;
        int usable = 0;
        for (int i = 0; i < count; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            if (Double.isInfinite(v) || v < 0) {
                return OptionalDouble.empty();
            }
            if (usable > 0) {
                total += v >= previous ? v - previous : v;
            }
            previous = v;
            usable++;
        }
        return usable < 2 ? OptionalDouble.empty() : OptionalDouble.of(total);
    }

    /**
     * The per-second rate between the first and the last usable sample; {@code epochMillis[i]} is
     * the time of {@code values[i]}.
     */
    public static OptionalDouble ratePerSecond(long[] epochMillis, double[] values) {
        if (epochMillis.length != values.length) {
            throw new IllegalArgumentException("one timestamp per value");
        }
        int first = -1;
        int last = -1;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        OptionalDouble increase = increase(values);
        if (increase.isEmpty() || epochMillis[last] <= epochMillis[first]) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(increase.getAsDouble() * 1000.0 / (epochMillis[last] - epochMillis[first]));
    }

    /**
     * {@code part / whole}, or no data when either is missing or the whole is zero: with no
     * checkouts there is no error rate, which is not the same as an error rate of 0.
     */
    public static OptionalDouble ratio(OptionalDouble part, OptionalDouble whole) {
        if (part.isEmpty() || whole.isEmpty() || whole.getAsDouble() == 0) {
            return OptionalDouble.empty();
        }
        double r = part.getAsDouble() / whole.getAsDouble();
        return Double.isFinite(r) ? OptionalDouble.of(r) : OptionalDouble.empty();
    }
}
