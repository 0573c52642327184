package io.gatehouse.connectors.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.sandbox.SandboxOptions;
import io.gatehouse.connectors.sandbox.SandboxServer;
import io.gatehouse.connectors.sandbox.scenario.AttackScenario;
import io.gatehouse.connectors.sandbox.scenario.ScenarioActivation;
import io.gatehouse.connectors.sandbox.world.Region;
import io.gatehouse.data.anomaly.AnomalyDetector;
import io.gatehouse.data.anomaly.AnomalySettings;
import io.gatehouse.data.anomaly.AnomalyType;
import io.gatehouse.data.anomaly.Detection;
import io.gatehouse.data.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The acceptance of the detector on the real sandbox, in simulated time driven by hand: the sandbox's
 * wall clock and the metrics source's clock are one manual clock moved a minute at a time, the
 * metrics are read each minute as {@code /metrics} serves them (the exposition parsed by the same
 * strict parser, without the loopback round trip, which would make a simulated week take many minutes),
 * and the detector judges a two-minute window.
 */
class AnomalyDetectionOnSandboxTest {
    private static final Instant MONDAY = Instant.parse("2026-03-02T00:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(2);
    private static final Duration DETECT_WITHIN = Duration.ofMinutes(5);
    private static final Map<AttackScenario, AnomalyType> EXPECTED = Map.of(
            AttackScenario.CREDENTIAL_STUFFING, AnomalyType.CREDENTIAL_STUFFING,
            AttackScenario.CARD_TESTING, AnomalyType.CARD_TESTING,
            AttackScenario.TOKEN_REPLAY, AnomalyType.TOKEN_REPLAY,
            AttackScenario.COMPROMISED_GATEWAY, AnomalyType.GATEWAY_ANOMALY,
            AttackScenario.UNUSUAL_GEOGRAPHY, AnomalyType.UNUSUAL_GEOGRAPHY);

    /** A sandbox, its metrics, and a detector, all moved one simulated minute per step. */
    private static final class Rig implements AutoCloseable {
        final ManualClock clock;
        final SandboxServer sandbox;
        final SandboxMetricsSource metrics;
        final SandboxObservations observations;
        final AnomalyDetector detector = new AnomalyDetector(AnomalySettings.standard());

        Rig(long seed, Instant start) {
            clock = new ManualClock(start);
            sandbox = SandboxServer.start(SandboxOptions.defaults(seed, start).withWallClock(clock));
            UpstreamClient client = new UpstreamClient("Sandbox", HttpClients.standard(null), clock, d -> { },
                    RandomGenerator.of("L64X128MixRandom"), 1, Duration.ofSeconds(5));
            metrics = new SandboxMetricsSource(client, sandbox.baseUrl(), clock, Duration.ofMinutes(5), 8);
            observations = new SandboxObservations(metrics, WINDOW);
            read();
        }

        /** What a scrape of /metrics reads, without the loopback round trip (the world is the same). */
        void read() {
            metrics.scrapeText(new String(sandbox.metricsText(), StandardCharsets.UTF_8));
        }

        void minutes(long n, Consumer<Detection> sink) {
            for (long i = 0; i < n; i++) {
                clock.advance(Duration.ofMinutes(1));
                read();
                detector.observeAll(observations.observe(clock.instant())).forEach(sink);
            }
        }

        @Override
        public void close() {
            sandbox.close();
        }
    }

    @Test
    void sevenCleanDaysRaiseAtMostOneFalseAlertPerRegion() {
        Map<String, List<Detection>> opened = new TreeMap<>();
        for (Region r : Region.values()) {
            opened.put(r.wireName(), new ArrayList<>());
        }
        try (Rig rig = new Rig(42, MONDAY)) {
            rig.minutes(7 * 24 * 60, d -> {
                if (d.kind() == Detection.Kind.OPENED) {
                    opened.get(d.region()).add(d);
                }
            });
            System.out.printf("clean week, seed 42, %d observations: false alerts per region %s: %s%n",
                    rig.detector.observations(), counts(opened), opened.values().stream().flatMap(List::stream)
                            .map(d -> d.region() + "/" + d.signal() + " at " + d.at()).toList());
        }
        opened.forEach((region, alerts) -> assertThat(alerts).as(region + ": " + alerts).hasSizeLessThanOrEqualTo(1));
    }

    @ParameterizedTest(name = "seed {0}, attacks start {1}")
    @CsvSource({"42, 2026-03-03T14:00:00Z", "7, 2026-03-03T03:30:00Z"})
    void everyScenarioIsDetectedWithinFiveMinutesOfItsStart(long seed, Instant attackStart) {
        Map<AttackScenario, Duration> latency = new EnumMap<>(AttackScenario.class);
        List<Detection> others = new ArrayList<>();
        try (Rig rig = new Rig(seed, MONDAY)) {
            rig.minutes(Duration.between(MONDAY, attackStart).toMinutes(), d -> { });
            for (AttackScenario s : AttackScenario.values()) {
                rig.sandbox.setScenario(ScenarioActivation.of(s), true);
            }
            rig.minutes(10, d -> {
                if (d.kind() != Detection.Kind.OPENED) {
                    return;
                }
                AttackScenario hit = null;
                for (AttackScenario s : AttackScenario.values()) {
                    if (s.defaultRegion().wireName().equals(d.region()) && EXPECTED.get(s) == d.type()) {
                        hit = s;
                    }
                }
                if (hit == null) {
                    others.add(d);
                } else {
                    latency.putIfAbsent(hit, Duration.between(attackStart, d.at()));
                }
            });
        }
        System.out.printf("seed %d, attacks from %s: detected after %s; other alerts meanwhile: %s%n", seed, attackStart,
                latency, others.stream().map(d -> d.region() + "/" + d.type().wireName() + "/" + d.signal()).toList());
        assertThat(latency.keySet()).containsExactlyInAnyOrder(AttackScenario.values());
        latency.forEach((s, d) -> assertThat(d).as(s.wireName()).isLessThanOrEqualTo(DETECT_WITHIN));
    }

    private static Map<String, Integer> counts(Map<String, List<Detection>> opened) {
        Map<String, Integer> out = new TreeMap<>();
        opened.forEach((r, l) -> out.put(r, l.size()));
        return out;
    }
}
