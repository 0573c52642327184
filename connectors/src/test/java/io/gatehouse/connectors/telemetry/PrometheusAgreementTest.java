package io.gatehouse.connectors.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.sandbox.SandboxOptions;
import io.gatehouse.connectors.sandbox.SandboxServer;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.KpiQueries;
import io.gatehouse.data.telemetry.KpiSample;
import io.gatehouse.data.telemetry.SeriesKey;
import io.gatehouse.data.testing.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus scrapes the in-process sandbox every second while the console scrapes it
 * directly; the increases must agree within 2% or 1 event.
 *
 * <p>The sandbox runs at speed 600 on a wall clock the test moves in steps, so its counters hold
 * still between steps and both scrapers see the same values whenever they look. The Prometheus
 * windows start and end exactly on scrape timestamps, where {@code increase} needs no
 * extrapolation, so any disagreement is a real one. Fails, and does not skip, without
 * /usr/bin/prometheus.
 */
class PrometheusAgreementTest {
    private static final Instant T0 = Instant.parse("2026-03-02T18:00:00Z");
    private static final List<String> REGIONS = List.of("brazil_latam", "eu", "india", "japan_korea", "north_america", "uk");
    private static final List<String> COUNTERS = List.of("sandbox_checkout_attempts_total", "sandbox_authorisations_total",
            "sandbox_declines_total", "sandbox_login_attempts_total", "sandbox_token_validation_failures_total");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STAGES = 6;

    private static UpstreamClient client(String name) {
        return new UpstreamClient(name, HttpClients.standard(null), InstantSource.system(), d -> { },
                RandomGenerator.of("L64X128MixRandom"), 1, Duration.ofSeconds(1));
    }

    @Test
    void increasesFromPrometheusAgreeWithTheSandboxsOwnScrapes() throws Exception {
        ManualClock wall = ManualClock.at("2026-01-01T00:00:00Z");
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults(42, T0).withSpeed(600).withWallClock(wall));
             PrometheusProcess prometheus = PrometheusProcess.scraping(sandbox.baseUrl())) {
            SandboxMetricsSource own = new SandboxMetricsSource(client("Sandbox"), sandbox.baseUrl(),
                    InstantSource.system(), Duration.ofMinutes(5), 60);
            PrometheusSource prom = new PrometheusSource(client("Prometheus"), prometheus.baseUrl(), KpiQueries.defaults(),
                    PrometheusAuth.none());

            // stage 0 runs a simulated hour so every region x rail series exists before the first window
            Instant[] ownAt = new Instant[STAGES];
            long[] changedAt = new long[STAGES];
            for (int k = 0; k < STAGES; k++) {
                wall.advance(Duration.ofSeconds(k == 0 ? 6 : 1));
                sandbox.tick();
                changedAt[k] = System.currentTimeMillis();
                ownAt[k] = own.scrape();
                awaitTwoScrapesAfter(prometheus, changedAt[k]);
            }

            long[] promAt = firstScrapeAfterEachChange(prom, changedAt);
            double worst = 0;
            for (int[] pair : new int[][] {{1, 2}, {1, 5}, {2, 5}}) {
                long from = promAt[pair[0]];
                long to = promAt[pair[1]];
                for (String counter : COUNTERS) {
                    Map<String, Double> byPrometheus = byRegion(prom.query(
                            "sum by (region) (increase(" + counter + "[" + (to - from) + "ms]))", Instant.ofEpochMilli(to)));
                    Map<String, Double> byConsole = own.increaseByRegion(counter, ownAt[pair[0]], ownAt[pair[1]]);
                    String what = counter + " from stage " + pair[0] + " to " + pair[1];
                    assertThat(byConsole.keySet()).as(what).containsExactlyInAnyOrderElementsOf(REGIONS);
                    assertThat(byPrometheus.keySet()).as(what).isEqualTo(byConsole.keySet());
                    for (Map.Entry<String, Double> e : byConsole.entrySet()) {
                        worst = Math.max(worst, Math.abs(byPrometheus.get(e.getKey()) - e.getValue()));
                    }
                    byConsole.forEach((region, expected) -> assertThat(byPrometheus.get(region))
                            .as(what + " in " + region)
                            .isCloseTo(expected, org.assertj.core.data.Offset.offset(Math.max(1.0, 0.02 * expected))));
                }
            }
            System.out.printf("Prometheus agreement: largest difference %.6f events over %d comparisons%n", worst,
                    3 * COUNTERS.size() * REGIONS.size());
            assertThat(own.increaseByRegion("sandbox_checkout_attempts_total", ownAt[1], ownAt[5]).get("eu"))
                    .as("forty simulated minutes of eu evening traffic").isGreaterThan(500);

            // every default KPI expression runs on a real Prometheus and gives every region a finite value
            for (Kpi kpi : Kpi.values()) {
                List<KpiSample> samples = prom.instant(kpi, Instant.ofEpochMilli(promAt[STAGES - 1]));
                assertThat(samples).as(kpi.title()).extracting(s -> s.key().region()).containsAll(REGIONS);
                assertThat(samples).as(kpi.title()).allSatisfy(s -> assertThat(Double.isFinite(s.value())).isTrue());
            }
            assertThat(prom.instant(Kpi.DECLINE_RATE_BY_REASON, Instant.ofEpochMilli(promAt[STAGES - 1])))
                    .extracting(KpiSample::key).contains(new SeriesKey("eu", Kpi.DECLINE_RATE_BY_REASON, "insufficient_funds"));
        }
    }

    /** Waits for a scrape that started after the change, and one more, so each stage has two samples. */
    private static void awaitTwoScrapesAfter(PrometheusProcess prometheus, long changedAtMillis) {
        prometheus.await(Duration.ofSeconds(10), "a scrape after the sandbox moved",
                () -> lastScrape(prometheus) > changedAtMillis);
        long first = lastScrape(prometheus);
        prometheus.await(Duration.ofSeconds(10), "a second scrape", () -> lastScrape(prometheus) > first);
    }

    private static long lastScrape(PrometheusProcess prometheus) {
        String body = prometheus.getBody("api/v1/targets");
        if (body == null) {
            return Long.MIN_VALUE;
        }
        try {
            JsonNode target = JSON.readTree(body).path("data").path("activeTargets").path(0);
            if (!"up".equals(target.path("health").asText())) {
                return Long.MIN_VALUE;
            }
            return Instant.parse(target.path("lastScrape").asText()).toEpochMilli();
        } catch (IOException | java.time.DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    /** The timestamp of the first Prometheus sample taken after each change of the sandbox. */
    private static long[] firstScrapeAfterEachChange(PrometheusSource prom, long[] changedAt) {
        PromResult raw = prom.query("sandbox_checkout_attempts_total[5m]", Instant.now());
        TreeSet<Long> scrapes = new TreeSet<>();
        raw.series().forEach(s -> {
            for (long t : s.epochMillis()) {
                scrapes.add(t);
            }
        });
        long[] out = new long[changedAt.length];
        for (int k = 0; k < changedAt.length; k++) {
            Long t = scrapes.higher(changedAt[k]);
            assertThat(t).as("a Prometheus sample after change " + k).isNotNull();
            out[k] = t;
        }
        return out;
    }

    private static Map<String, Double> byRegion(PromResult result) {
        Map<String, Double> out = new TreeMap<>();
        result.series().forEach(s -> out.put(s.label("region"), s.values()[0]));
        return out;
    }
}
