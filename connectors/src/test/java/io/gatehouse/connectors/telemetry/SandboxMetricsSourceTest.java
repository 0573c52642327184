package io.gatehouse.connectors.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.http.UpstreamException;
import io.gatehouse.connectors.http.UpstreamException.Reason;
import io.gatehouse.connectors.sandbox.SandboxOptions;
import io.gatehouse.connectors.sandbox.SandboxServer;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.KpiSample;
import io.gatehouse.data.telemetry.KpiSeries;
import io.gatehouse.data.telemetry.SeriesKey;
import io.gatehouse.data.testing.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

class SandboxMetricsSourceTest {
    private static final Instant T0 = Instant.parse("2026-03-02T18:00:00Z");
    private static final List<String> REGIONS = List.of("north_america", "eu", "uk", "india", "japan_korea", "brazil_latam");

    private final ManualClock clock = new ManualClock(T0);

    private SandboxMetricsSource source(URI base) {
        UpstreamClient client = new UpstreamClient("Sandbox", HttpClients.standard(null), clock, d -> { },
                RandomGenerator.of("L64X128MixRandom"), 1, Duration.ofSeconds(1));
        return new SandboxMetricsSource(client, base, clock, Duration.ofMinutes(5), 60);
    }

    private static Map<SeriesKey, Double> byKey(List<KpiSample> samples) {
        return samples.stream().collect(Collectors.toMap(KpiSample::key, KpiSample::value));
    }

    @Test
    void computesEveryKpiForEveryRegionFromTheRealSandbox() {
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults(42, T0).withWallClock(clock))) {
            SandboxMetricsSource source = source(sandbox.baseUrl());
            for (int minute = 0; minute <= 5; minute++) {
                source.scrape();
                clock.advance(Duration.ofMinutes(1));
            }
            Instant now = clock.instant();
            for (Kpi kpi : List.of(Kpi.CHECKOUT_ATTEMPTS_PER_MIN, Kpi.AUTHORISATION_RATE, Kpi.ERROR_RATE,
                    Kpi.FRAUD_FLAG_RATE, Kpi.P95_LATENCY, Kpi.LOGIN_FAILURES_PER_MIN)) {
                Map<SeriesKey, Double> values = byKey(source.instant(kpi, now));
                assertThat(values.keySet()).as(kpi.title()).extracting(SeriesKey::region).containsExactlyInAnyOrderElementsOf(REGIONS);
            }
            Map<SeriesKey, Double> attempts = byKey(source.instant(Kpi.CHECKOUT_ATTEMPTS_PER_MIN, now));
            // eu at 19:00 local is near its evening peak of 35 orders a minute
            assertThat(attempts.get(SeriesKey.of("eu", Kpi.CHECKOUT_ATTEMPTS_PER_MIN))).isBetween(20.0, 50.0);
            byKey(source.instant(Kpi.AUTHORISATION_RATE, now)).values().forEach(v -> assertThat(v).isBetween(0.8, 1.0));
            byKey(source.instant(Kpi.ERROR_RATE, now)).values().forEach(v -> assertThat(v).isBetween(0.0, 0.05));
            byKey(source.instant(Kpi.P95_LATENCY, now)).values().forEach(v -> assertThat(v).isBetween(0.5, 2.5));
            assertThat(byKey(source.instant(Kpi.DECLINE_RATE_BY_REASON, now)).keySet())
                    .anySatisfy(k -> assertThat(k.detail()).isEqualTo("insufficient_funds"));

            List<KpiSeries> range = source.range(Kpi.CHECKOUT_ATTEMPTS_PER_MIN, T0, now, Duration.ofMinutes(1));
            assertThat(range).hasSize(6).allSatisfy(s -> assertThat(s.points()).hasSize(5));
        }
    }

    private static MockResponse exposition(String body) {
        return new MockResponse().setHeader("Content-Type", "text/plain; version=0.0.4").setBody(body);
    }

    private static String attempts(String... lines) {
        return "# TYPE sandbox_checkout_attempts counter\n" + String.join("\n", lines) + "\n";
    }

    @Test
    void aCounterRestartCountsTheNewValueInFull() throws Exception {
        try (MockWebServer mock = new MockWebServer()) {
            mock.enqueue(exposition(attempts("sandbox_checkout_attempts_total{region=\"eu\",rail=\"card\"} 100")));
            mock.enqueue(exposition(attempts("sandbox_checkout_attempts_total{region=\"eu\",rail=\"card\"} 130")));
            mock.enqueue(exposition(attempts("sandbox_checkout_attempts_total{region=\"eu\",rail=\"card\"} 5")));
            SandboxMetricsSource source = source(URI.create(mock.url("/").toString()));
            Instant first = source.scrape();
            clock.advance(Duration.ofMinutes(1));
            source.scrape();
            clock.advance(Duration.ofMinutes(1));
            Instant last = source.scrape();

            assertThat(source.increaseByRegion("sandbox_checkout_attempts_total", first, last)).containsEntry("eu", 35.0);
            assertThat(byKey(source.instant(Kpi.CHECKOUT_ATTEMPTS_PER_MIN, last)))
                    .containsEntry(SeriesKey.of("eu", Kpi.CHECKOUT_ATTEMPTS_PER_MIN), 17.5);
        }
    }

    @Test
    void seriesThatAppearAndVanishCountOnlyWhileTheyExist() throws Exception {
        try (MockWebServer mock = new MockWebServer()) {
            mock.enqueue(exposition(attempts(
                    "sandbox_checkout_attempts_total{region=\"eu\",rail=\"card\"} 10",
                    "sandbox_checkout_attempts_total{region=\"japan_korea\",rail=\"konbini\"} 3")));
            mock.enqueue(exposition(attempts(
                    "sandbox_checkout_attempts_total{region=\"eu\",rail=\"card\"} 20",
                    "sandbox_checkout_attempts_total{region=\"uk\",rail=\"card\"} 4")));
            mock.enqueue(exposition(attempts(
                    "sandbox_checkout_attempts_total{region=\"eu\",rail=\"card\"} 30",
                    "sandbox_checkout_attempts_total{region=\"eu\",rail=\"wallet\"} 7",
                    "sandbox_checkout_attempts_total{region=\"uk\",rail=\"card\"} 10")));
            SandboxMetricsSource source = source(URI.create(mock.url("/").toString()));
            Instant first = source.scrape();
            clock.advance(Duration.ofMinutes(1));
            source.scrape();
            clock.advance(Duration.ofMinutes(1));
            Instant last = source.scrape();

            // japan_korea was seen once (no rate: no data, not zero); uk from its second sighting;
            // eu's wallet series has one point so far and adds nothing yet
            assertThat(source.increaseByRegion("sandbox_checkout_attempts_total", first, last))
                    .containsOnly(Map.entry("eu", 20.0), Map.entry("uk", 6.0));
        }
    }

    @Test
    void nanCountersAreSkippedAndNothingHappeningIsNoDataForARatio() throws Exception {
        try (MockWebServer mock = new MockWebServer()) {
            String errors = "# TYPE sandbox_checkout_errors counter\n";
            mock.enqueue(exposition(attempts("sandbox_checkout_attempts_total{region=\"eu\",rail=\"card\"} 10",
                    "sandbox_checkout_attempts_total{region=\"uk\",rail=\"card\"} 5") + errors
                    + "sandbox_checkout_errors_total{region=\"eu\",rail=\"card\"} 1\n"
                    + "sandbox_checkout_errors_total{region=\"uk\",rail=\"card\"} 0\n"));
            mock.enqueue(exposition(attempts("sandbox_checkout_attempts_total{region=\"eu\",rail=\"card\"} NaN",
                    "sandbox_checkout_attempts_total{region=\"uk\",rail=\"card\"} 5") + errors
                    + "sandbox_checkout_errors_total{region=\"eu\",rail=\"card\"} 1\n"
                    + "sandbox_checkout_errors_total{region=\"uk\",rail=\"card\"} 0\n"));
            mock.enqueue(exposition(attempts("sandbox_checkout_attempts_total{region=\"eu\",rail=\"card\"} 30",
                    "sandbox_checkout_attempts_total{region=\"uk\",rail=\"card\"} 5") + errors
                    + "sandbox_checkout_errors_total{region=\"eu\",rail=\"card\"} 2\n"
                    + "sandbox_checkout_errors_total{region=\"uk\",rail=\"card\"} +Inf\n"));
            SandboxMetricsSource source = source(URI.create(mock.url("/").toString()));
            source.scrape();
            clock.advance(Duration.ofMinutes(1));
            source.scrape();
            clock.advance(Duration.ofMinutes(1));
            Instant last = source.scrape();

            Map<SeriesKey, Double> errorRate = byKey(source.instant(Kpi.ERROR_RATE, last));
            assertThat(errorRate.get(SeriesKey.of("eu", Kpi.ERROR_RATE))).isCloseTo(0.05, within(1e-12));
            // uk had no checkouts and an infinite error counter: no data, never 0
            assertThat(errorRate).doesNotContainKey(SeriesKey.of("uk", Kpi.ERROR_RATE));
            // one scrape is not a rate
            assertThat(source(URI.create(mock.url("/").toString())).instant(Kpi.ERROR_RATE, last)).isEmpty();
        }
    }

    @Test
    void aMalformedExpositionIsRefusedWholeWithItsLine() throws Exception {
        try (MockWebServer mock = new MockWebServer()) {
            mock.enqueue(exposition(attempts("sandbox_checkout_attempts_total{region=\"eu\",rail=\"card\"} 10")));
            mock.enqueue(exposition(attempts("sandbox_checkout_attempts_total{region=\"eu\",rail=\"card\"} 20",
                    "sandbox_checkout_attempts_total{region=\"eu\" rail=\"wallet\"} 3")));
            mock.enqueue(exposition("# TYPE sandbox_checkout_attempts counter\n# TYPE sandbox_checkout_attempts gauge\n"));
            mock.enqueue(exposition(attempts("sandbox_checkout_attempts_total{region=\"eu\",rail=\"card\"} ten")));
            SandboxMetricsSource source = source(URI.create(mock.url("/").toString()));
            source.scrape();
            clock.advance(Duration.ofMinutes(1));
            for (String line : List.of("line 3", "line 2", "line 2")) {
                assertThatThrownBy(source::scrape)
                        .isInstanceOfSatisfying(UpstreamException.class,
                                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_RESPONSE))
                        .hasMessageContaining("Metrics text is malformed at " + line)
                        .hasMessageContaining("The scrape was refused");
            }
            assertThat(source.scrapeTimes()).hasSize(1);
        }
    }

    @Test
    void aLabelCardinalityExplosionRefusesTheScrapeAndSaysSo() throws Exception {
        try (MockWebServer mock = new MockWebServer()) {
            // a broken exporter puts a session id into a label: a new series per checkout
            StringBuilder exploded = new StringBuilder("# TYPE sandbox_checkout_attempts counter\n");
            for (int i = 0; i <= SandboxMetricsSource.MAX_SERIES_PER_SCRAPE; i++) {
                exploded.append("sandbox_checkout_attempts_total{region=\"eu\",rail=\"card\",session=\"s")
                        .append(i).append("\"} 1\n");
            }
            mock.enqueue(exposition(attempts("sandbox_checkout_attempts_total{region=\"eu\",rail=\"card\"} 10")));
            mock.enqueue(exposition(exploded.toString()));
            SandboxMetricsSource source = source(URI.create(mock.url("/").toString()));
            source.scrape();
            clock.advance(Duration.ofMinutes(1));
            assertThatThrownBy(source::scrape)
                    .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                    .hasMessageContaining("more than 20000 series; the scrape was refused");
            assertThat(source.scrapeTimes()).hasSize(1);
        }
    }

    @Test
    void aClockThatStepsBackNeverReordersTheScrapes() throws Exception {
        try (MockWebServer mock = new MockWebServer()) {
            mock.enqueue(exposition(attempts("sandbox_checkout_attempts_total{region=\"eu\",rail=\"card\"} 10")));
            mock.enqueue(exposition(attempts("sandbox_checkout_attempts_total{region=\"eu\",rail=\"card\"} 16")));
            SandboxMetricsSource source = source(URI.create(mock.url("/").toString()));
            Instant first = source.scrape();
            clock.advance(Duration.ofSeconds(-30)); // NTP stepped the machine's clock back
            Instant second = source.scrape();
            assertThat(second).isEqualTo(first.plusMillis(1));
            assertThat(source.scrapeTimes()).containsExactly(first, second);
            assertThat(source.increaseByRegion("sandbox_checkout_attempts_total", first, second)).containsEntry("eu", 6.0);
        }
    }

    @Test
    void aSandboxThatIsDownIsUnreachable() throws Exception {
        MockWebServer mock = new MockWebServer();
        mock.start();
        URI base = URI.create(mock.url("/").toString());
        mock.shutdown();
        assertThatThrownBy(() -> source(base).scrape())
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE));
    }
}
