package io.gatehouse.connectors.sandbox.world;

import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** The random draws the world uses, each from a named distribution so the docs can state them. */
public final class Draws {
    private final SplittableRandom random;

    public Draws(SplittableRandom random) {
        this.random = random;
    }

    /** A generator for one simulated minute; mixing keeps neighbouring minutes uncorrelated. */
    public static Draws forStep(long seed, long step, long stream) {
        long mixed = seed * 0x9E3779B97F4A7C15L ^ (step + 1) * 0xBF58476D1CE4E5B9L ^ (stream + 7) * 0x94D049BB133111EBL;
        return new Draws(new SplittableRandom(mixed));
    }

    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    public double uniform() {
        return random.nextDouble();
    }

    public int between(int lowInclusive, int highExclusive) {
        return random.nextInt(lowInclusive, highExclusive);
    }

    /** Poisson counts; Knuth's method for small means, a rounded normal above 30 where it is accurate enough. */
    public int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    public double gaussian() {
        // Box-Muller; one of the pair is dropped to keep the sequence simple to reason about.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    public double exponential(double mean) {
        return -mean * Math.log(1.0 - random.nextDouble());
    }

    public double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * gaussian());
    }

    public <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    public <T> T weighted(List<T> items, ToDoubleFunction<T> weight) {
        double total = 0;
        for (T item : items) {
            total += weight.applyAsDouble(item);
        }
        double target = random.nextDouble() * total;
        for (T item : items) {
            target -= weight.applyAsDouble(item);
            if (target < 0) {
                return item;
            }
        }
        return items.getLast();
    }

    public String hex(int bytes) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return HexFormat.of().formatHex(b);
    }

    public String ipv4() {
        return between(11, 223) + "." + between(0, 256) + "." + between(0, 256) + "." + between(1, 255);
    }
}
