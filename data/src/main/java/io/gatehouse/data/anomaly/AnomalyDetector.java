package io.gatehouse.data.anomaly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Judges every regional series against its own seasonal baseline. The caller feeds observations in
 * time order per series and gets back what changed; there are no threads and no clock here, the
 * observations' times are the only time. Not thread-safe: one caller drives it.
 *
 * <p>An observation is anomalous when it is far above the expectation in standard deviations
 * (Poisson or binomial noise at its exposure, plus whatever spread the baseline shows beyond that
 * noise, such as the drift within an hour), at least
 * {@code minRatio} times it, and above it by at least the signal's least excess. An anomaly opens
 * after {@code confirmSamples} anomalous observations in a row and clears after
 * {@code clearSamples} normal ones. While a series is anomalous the baseline does not learn from
 * it, so a long attack never becomes the norm.
 */
public final class AnomalyDetector {
    private static final double LEVEL_MIN_EXPOSURE = 60;
    private static final double CONFIDENCE_CAP = 0.99;

    private record SeriesId(String region, Signal signal) {
    }

    private static final class Series {
        final SeasonalBaseline baseline = new SeasonalBaseline();
        long seen;
        Instant last;
        int hot;
        int cold;
        boolean open;
        Instant since;
        double peakZ;
    }

    /** How one observation compares with its expectation. */
    record Score(double z, double observed, double expected, boolean anomalous) {
    }

    private final AnomalySettings settings;
    private final Map<SeriesId, Series> series = new HashMap<>();
    private long observations;

    public AnomalyDetector(AnomalySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public AnomalySettings settings() {
        return settings;
    }

    /** Observations judged so far, unusable ones included. */
    public long observations() {
        return observations;
    }

    /** Judges a batch; returns the detections it produced, in order. */
    public List<Detection> observeAll(List<Observation> batch) {
        List<Detection> out = new ArrayList<>();
        for (Observation o : batch) {
            Detection d = observe(o);
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * Judges one observation. Returns a detection when an anomaly opens, goes on or clears, and
     * null otherwise. An unusable observation, or one not newer than its series' last, is ignored.
     */
    public Detection observe(Observation o) {
        observations++;
        if (!o.usable()) {
            return null;
        }
        Series s = series.computeIfAbsent(new SeriesId(o.region(), o.signal()), id -> new Series());
        if (s.last != null && !o.at().isAfter(s.last)) {
            return null;
        }
        s.last = o.at();
        Thresholds t = settings.forRegion(o.region());
        SeasonalBaseline.Expectation e = s.baseline.expectation(o.at());
        boolean warm = s.seen >= t.warmupSamples() && e.seen() > 0;
        Score score = warm ? score(o, e, t) : new Score(0, o.rate(), e.mean(), false);
        s.seen++;
        if (score.anomalous()) {
            s.baseline.learnWhereUntrusted(o.at(), clipped(o.rate(), e), o.exposure());
            s.cold = 0;
            if (s.hot == 0) {
                s.since = o.at();
                s.peakZ = 0;
            }
            s.hot++;
            s.peakZ = Math.max(s.peakZ, score.z());
            if (s.open) {
                return detection(Detection.Kind.ONGOING, o, s, score, t);
            }
            if (s.hot >= t.confirmSamples()) {
                s.open = true;
                return detection(Detection.Kind.OPENED, o, s, score, t);
            }
            return null;
        }
        s.hot = 0;
        learn(s, o, e);
        if (s.open && ++s.cold >= t.clearSamples()) {
            s.open = false;
            s.cold = 0;
            return detection(Detection.Kind.CLEARED, o, s, score, t);
        }
        return null;
    }

    private static void learn(Series s, Observation o, SeasonalBaseline.Expectation e) {
        s.baseline.learn(o.at(), clipped(o.rate(), e), o.exposure());
    }

    // a near miss teaches, but only up to a few deviations: one odd hour must not move the norm far
    private static double clipped(double rate, SeasonalBaseline.Expectation e) {
        if (e.seen() == 0) {
            return rate;
        }
        return Math.min(rate, e.mean() + 4 * Math.sqrt(e.variance()) + 1e-9);
    }

    static Score score(Observation o, SeasonalBaseline.Expectation e, Thresholds t) {
        Signal signal = o.signal();
        double n = o.exposure();
        double k = o.events();
        return switch (signal.shape()) {
            case COUNT -> {
                double rate = Math.max(e.mean(), 0.01);
                double expected = rate * n;
                // the learned spread already holds the Poisson noise at the usual exposure; only the rest scales with n
                double extra = Math.max(0, e.variance() - rate / Math.max(e.exposure(), 1e-9));
                double variance = expected + n * n * extra;
                yield judge(signal, t, k, expected, variance, o.rate(), rate);
            }
            case RATIO -> {
                double p = Math.min(0.999, Math.max(e.mean(), 0.001));
                double expected = p * n;
                double extra = Math.max(0, e.variance() - p * (1 - p) / Math.max(e.exposure(), 1e-9));
                double variance = n * p * (1 - p) + n * n * extra;
                yield judge(signal, t, k, expected, variance, o.rate(), p);
            }
            case LEVEL -> {
                double mean = e.mean();
                if (n < LEVEL_MIN_EXPOSURE) {
                    yield new Score(0, k, mean, false);
                }
                double spread = 0.05 * mean;
                double variance = e.variance() + spread * spread + 0.0025;
                yield judge(signal, t, k, mean, variance, k, mean);
            }
        };
    }

    private static Score judge(Signal signal, Thresholds t, double actual, double expected, double variance,
            double observedRate, double expectedRate) {
        double z = (actual - expected) / Math.sqrt(Math.max(variance, 1e-6));
        boolean anomalous = z >= t.zScore()
                && actual >= t.minRatio() * expected
                && actual - expected >= signal.minExcess();
        return new Score(z, observedRate, expectedRate, anomalous);
    }

    private static Detection detection(Detection.Kind kind, Observation o, Series s, Score score, Thresholds t) {
        double z = kind == Detection.Kind.CLEARED ? s.peakZ : Math.max(score.z(), s.peakZ);
        double confidence = Math.min(CONFIDENCE_CAP, 1 - 0.5 * Math.exp(-(z - t.zScore()) / t.zScore()));
        return new Detection(kind, o.region(), o.signal(), s.since, o.at(), Math.max(0.5, confidence),
                score.observed(), score.expected());
    }
}
