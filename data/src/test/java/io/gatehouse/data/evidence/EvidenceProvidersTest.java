package io.gatehouse.data.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.incidents.ResponseTimes;
import io.gatehouse.data.keys.KeyRing;
import io.gatehouse.data.keys.KeyVersion;
import io.gatehouse.data.keys.KeyVersionState;
import io.gatehouse.data.keys.RotationPolicy;
import io.gatehouse.data.keys.RotationStep;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.review.FourEyesPolicy;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.KpiSample;
import io.gatehouse.data.telemetry.KpiSeries;
import io.gatehouse.data.telemetry.SeriesKey;
import io.gatehouse.data.telemetry.TelemetrySource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvidenceProvidersTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static KeyRing ring(String name, Instant activated) {
        KeyVersion v = new KeyVersion(name, 1, KeyVersionState.ACTIVE, RotationStep.ACTIVATED, KeyVersion.labelFor(name, 1),
                "kid-" + name, null, activated, activated, null);
        return new KeyRing(name, RotationPolicy.defaults(KeyAlgorithm.EC_P256), List.of(v));
    }

    @Test
    void keyRingsPastTheirCryptoperiodLowerTheScore() {
        Duration period = RotationPolicy.defaults(KeyAlgorithm.EC_P256).cryptoperiod();
        KeyCryptoperiodEvidence e = new KeyCryptoperiodEvidence(() -> List.of(ring("fresh", NOW.minus(Duration.ofDays(1))),
                ring("stale", NOW.minus(period).minusSeconds(1))));
        Measurement m = e.measure(NOW).orElseThrow();
        assertThat(m.score()).isEqualTo(0.5);
        assertThat(m.passed()).isFalse();
        assertThat(m.finding()).contains("1 of 2").contains("stale");
        assertThat(new KeyCryptoperiodEvidence(List::of).measure(NOW)).isEmpty();
    }

    @Test
    void fourEyesSwitchedOffInOneCurrencyCounts() {
        assertThat(new FourEyesEvidence(FourEyesPolicy::defaults).measure(NOW).orElseThrow().passed()).isTrue();
        Measurement off = new FourEyesEvidence(() -> new FourEyesPolicy(Map.of("USD", 50_000L, "EUR", Long.MAX_VALUE)))
                .measure(NOW).orElseThrow();
        assertThat(off.score()).isEqualTo(0.5);
        assertThat(off.finding()).contains("switched off in 1 of 2");
    }

    @Test
    void containmentScoresTargetOverMeasured() {
        ContainmentTimeEvidence e = new ContainmentTimeEvidence((from, to) -> new ResponseTimes(3, Optional.of(Duration.ofMinutes(10)),
                Optional.of(Duration.ofHours(8)), Optional.empty(), Duration.ZERO), Duration.ofHours(4));
        assertThat(e.measure(NOW).orElseThrow().score()).isEqualTo(0.5);
        assertThat(new ContainmentTimeEvidence((from, to) -> ResponseTimes.none(), Duration.ofHours(4)).measure(NOW)).isEmpty();
    }

    @Test
    void telemetryCoverageIsTheMeanShareOfCoreKpisPerRegion() {
        TelemetrySource source = new TelemetrySource() {
            @Override
            public String name() {
                return "Test";
            }

            @Override
            public boolean simulated() {
                return false;
            }

            @Override
            public List<KpiSample> instant(Kpi kpi, Instant at) {
                // eu reports everything, us only checkout attempts.
                return kpi == Kpi.CHECKOUT_ATTEMPTS_PER_MIN
                        ? List.of(new KpiSample(SeriesKey.of("eu", kpi), at, 10), new KpiSample(SeriesKey.of("us", kpi), at, 5))
                        : List.of(new KpiSample(SeriesKey.of("eu", kpi), at, 0.1));
            }

            @Override
            public List<KpiSeries> range(Kpi kpi, Instant start, Instant end, Duration step) {
                return List.of();
            }
        };
        Measurement m = new TelemetryCoverageEvidence(source, Set.of()).measure(NOW).orElseThrow();
        assertThat(m.score()).isEqualTo((1.0 + 0.2) / 2);
        assertThat(m.finding()).contains("1 of 2 regions").contains("us 20%");
        Measurement expected = new TelemetryCoverageEvidence(source, Set.of("eu", "us", "apac")).measure(NOW).orElseThrow();
        assertThat(expected.score()).isEqualTo((1.0 + 0.2 + 0) / 3);
        assertThat(m.source()).isEqualTo("Telemetry (Test)");
    }

    @Test
    void aFailingProviderIsNoDataAndDoesNotHideTheOthers() {
        EvidenceProvider broken = new EvidenceProvider() {
            @Override
            public String check() {
                return "broken";
            }

            @Override
            public Optional<Measurement> measure(Instant now) {
                throw new IllegalStateException("down");
            }
        };
        EvidenceBoard board = new EvidenceBoard(() -> NOW, List.of(broken, new FourEyesEvidence(FourEyesPolicy::defaults)));
        assertThat(board.measureAll()).containsOnlyKeys(EvidenceChecks.FOUR_EYES_ENABLED);
        assertThat(board.measure("broken")).isEmpty();
    }
}
