package io.gatehouse.data.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTest {
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    /** A daily rhythm like a shop's: peak in the evening, a tenth of it in the morning. */
    private static double seasonalRate(Instant at, double peak) {
        double hour = at.atZone(java.time.ZoneOffset.UTC).getHour() + at.atZone(java.time.ZoneOffset.UTC).getMinute() / 60.0;
        return peak * (0.1 + 0.9 * (1 + Math.cos(2 * Math.PI * (hour - 20) / 24)) / 2);
    }

    private static int poisson(SplittableRandom r, double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static List<Detection> run(AnomalyDetector detector, SplittableRandom random, Instant from, int minutes,
            double extraPerMinute) {
        List<Detection> out = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            Instant at = from.plus(Duration.ofMinutes(m));
            double mean = 2 * (seasonalRate(at, 3) + extraPerMinute);
            Detection d = detector.observe(new Observation("eu", Signal.LOGIN_FAILURES, at, poisson(random, mean), 2));
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    @Test
    void aSeasonalSeriesRaisesNothingForAWeekAndASurgeOpensOnceWithinMinutes() {
        AnomalyDetector detector = new AnomalyDetector(AnomalySettings.standard());
        SplittableRandom random = new SplittableRandom(7);
        List<Detection> quiet = run(detector, random, START, 7 * 24 * 60, 0);
        assertThat(quiet).isEmpty();

        Instant attack = START.plus(Duration.ofDays(7)).plus(Duration.ofHours(9));
        List<Detection> surge = run(detector, random, attack, 30, 120);
        assertThat(surge).first().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Detection.Kind.OPENED);
            assertThat(d.type()).isEqualTo(AnomalyType.CREDENTIAL_STUFFING);
            assertThat(d.since()).isEqualTo(attack);
            assertThat(Duration.between(attack, d.at())).isLessThanOrEqualTo(Duration.ofMinutes(2));
            assertThat(d.confidence()).isBetween(0.5, 0.99);
        });
        assertThat(surge).filteredOn(d -> d.kind() == Detection.Kind.OPENED).hasSize(1);
        assertThat(surge.subList(1, surge.size())).allMatch(d -> d.kind() == Detection.Kind.ONGOING);

        List<Detection> after = run(detector, random, attack.plus(Duration.ofMinutes(30)), 30, 0);
        assertThat(after).extracting(Detection::kind).containsExactly(Detection.Kind.CLEARED);
    }

    @Test
    void aLongAttackDoesNotBecomeTheNorm() {
        AnomalyDetector detector = new AnomalyDetector(AnomalySettings.standard());
        SplittableRandom random = new SplittableRandom(3);
        run(detector, random, START, 2 * 24 * 60, 0);
        List<Detection> day = run(detector, random, START.plus(Duration.ofDays(2)), 24 * 60, 200);
        assertThat(day).filteredOn(d -> d.kind() == Detection.Kind.CLEARED).isEmpty();
        assertThat(day).filteredOn(d -> d.kind() == Detection.Kind.OPENED).hasSize(1);
    }

    @Test
    void nothingAlertsDuringWarmUpAndBadObservationsAreIgnored() {
        AnomalyDetector detector = new AnomalyDetector(AnomalySettings.standard());
        assertThat(detector.observe(new Observation("eu", Signal.DECLINES, START, Double.NaN, 10))).isNull();
        assertThat(detector.observe(new Observation("eu", Signal.DECLINES, START, 11, 10))).isNull();
        assertThat(detector.observe(new Observation("eu", Signal.DECLINES, START, 1, 0))).isNull();
        for (int m = 0; m < 59; m++) {
            assertThat(detector.observe(new Observation("eu", Signal.DECLINES, START.plusSeconds(60L * m),
                    m < 50 ? 1 : 90, 100))).isNull();
        }
        assertThat(detector.observations()).isEqualTo(62);
    }

    @Test
    void aRatioNeedsEnoughTrialsToBeAnAttack() {
        Thresholds quick = new Thresholds(6, 2, 1, 5, 10);
        AnomalyDetector detector = new AnomalyDetector(new AnomalySettings(quick, Map.of()));
        Instant at = START;
        for (int m = 0; m < 120; m++, at = at.plusSeconds(60)) {
            detector.observe(new Observation("uk", Signal.DECLINES, at, m % 10 == 0 ? 1 : 0, 10));
        }
        // 2 of 3 declined at night is odd, but not 8 events above the expectation
        assertThat(detector.observe(new Observation("uk", Signal.DECLINES, at, 2, 3))).isNull();
        Detection d = detector.observe(new Observation("uk", Signal.DECLINES, at.plusSeconds(60), 15, 25));
        assertThat(d).isNotNull();
        assertThat(d.kind()).isEqualTo(Detection.Kind.OPENED);
        assertThat(d.observed()).isEqualTo(0.6);
    }

    @Test
    void thresholdsArePerRegion() {
        Thresholds strict = new Thresholds(50, 100, 1, 5, 10);
        Thresholds quick = new Thresholds(6, 2, 1, 5, 10);
        AnomalyDetector detector = new AnomalyDetector(new AnomalySettings(quick, Map.of("india", strict)));
        Instant at = START;
        for (int m = 0; m < 60; m++, at = at.plusSeconds(60)) {
            detector.observe(new Observation("india", Signal.TOKEN_FAILURES, at, m % 3 == 0 ? 1 : 0, 2));
            detector.observe(new Observation("eu", Signal.TOKEN_FAILURES, at, m % 3 == 0 ? 1 : 0, 2));
        }
        assertThat(detector.observe(new Observation("india", Signal.TOKEN_FAILURES, at, 20, 2))).isNull();
        assertThat(detector.observe(new Observation("eu", Signal.TOKEN_FAILURES, at, 20, 2))).isNotNull();
    }
}
