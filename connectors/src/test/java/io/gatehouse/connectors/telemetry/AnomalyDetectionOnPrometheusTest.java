package io.gatehouse.connectors.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.data.anomaly.AnomalyDetector;
import io.gatehouse.data.anomaly.AnomalySettings;
import io.gatehouse.data.anomaly.AnomalyType;
import io.gatehouse.data.anomaly.Detection;
import io.gatehouse.data.anomaly.KpiObservations;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.KpiQueries;
import io.gatehouse.data.testing.ManualClock;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The detector fed by the Prometheus connector, as the console wires it for a Prometheus profile:
 * the KPIs are asked of a Prometheus HTTP API on loopback that answers each default expression with
 * the value of a scripted world at the asked time, and a credential-stuffing surge must be found
 * within five minutes, with nothing raised before it.
 */
class AnomalyDetectionOnPrometheusTest {
    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant ATTACK = START.plus(Duration.ofHours(3));

    private final KpiQueries queries = KpiQueries.defaults();
    private MockWebServer prometheus;

    @BeforeEach
    void start() throws Exception {
        prometheus = new MockWebServer();
        prometheus.setDispatcher(new ScriptedPrometheus());
        prometheus.start();
    }

    @AfterEach
    void stop() throws Exception {
        prometheus.shutdown();
    }

    /** Answers /api/v1/query for each default KPI expression; eu's login failures surge from ATTACK on. */
    private final class ScriptedPrometheus extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String query = request.getRequestUrl().queryParameter("query");
            long millis = new BigDecimal(request.getRequestUrl().queryParameter("time")).movePointRight(3).longValue();
            Instant at = Instant.ofEpochMilli(millis);
            SplittableRandom noise = new SplittableRandom(millis);
            StringBuilder result = new StringBuilder();
            for (String region : List.of("eu", "uk")) {
                Double value = value(kpiOf(query), region, at, noise);
                if (value != null) {
                    if (!result.isEmpty()) {
                        result.append(',');
                    }
                    result.append("{\"metric\":{\"region\":\"").append(region).append("\"},\"value\":[")
                            .append(millis / 1000.0).append(",\"").append(value).append("\"]}");
                }
            }
            return new MockResponse().setHeader("Content-Type", "application/json").setBody(
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + result + "]}}");
        }

        private Kpi kpiOf(String query) {
            for (Kpi kpi : Kpi.values()) {
                if (queries.expression(kpi).equals(query)) {
                    return kpi;
                }
            }
            throw new AssertionError("a query the console does not send: " + query);
        }

        private Double value(Kpi kpi, String region, Instant at, SplittableRandom noise) {
            double jitter = 1 + (noise.nextDouble() - 0.5) * 0.1;
            boolean attacked = region.equals("eu") && !at.isBefore(ATTACK);
            return switch (kpi) {
                case CHECKOUT_ATTEMPTS_PER_MIN -> 600 * jitter;
                case AUTHORISATION_RATE -> 0.95 + (noise.nextDouble() - 0.5) * 0.004;
                case ERROR_RATE -> 0.004 + (noise.nextDouble() - 0.5) * 0.001;
                case P95_LATENCY -> 0.9 * jitter;
                case LOGIN_FAILURES_PER_MIN -> (attacked ? 900 : 30) * jitter;
                case TOKEN_VALIDATION_FAILURES_PER_MIN -> 12 * jitter;
                default -> null;
            };
        }
    }

    @Test
    void aCredentialStuffingSurgeSeenThroughPrometheusIsFoundWithinFiveMinutes() {
        ManualClock clock = new ManualClock(START);
        UpstreamClient client = new UpstreamClient("Prometheus", HttpClients.standard(null), clock, clock::advance,
                RandomGenerator.of("L64X128MixRandom"), 1, Duration.ofSeconds(10));
        PrometheusSource source = new PrometheusSource(client, URI.create(prometheus.url("/").toString()), queries,
                PrometheusAuth.none());
        KpiObservations observations = new KpiObservations(source, Duration.ofMinutes(5));
        AnomalyDetector detector = new AnomalyDetector(AnomalySettings.standard());

        List<Detection> beforeAttack = new ArrayList<>();
        List<Detection> afterAttack = new ArrayList<>();
        for (Instant at = START; !at.isAfter(ATTACK.plus(Duration.ofMinutes(10))); at = at.plus(Duration.ofMinutes(1))) {
            List<Detection> found = detector.observeAll(observations.observe(at)).stream()
                    .filter(d -> d.kind() == Detection.Kind.OPENED).toList();
            (at.isBefore(ATTACK) ? beforeAttack : afterAttack).addAll(found);
        }

        assertThat(beforeAttack).as("alerts on the clean hours").isEmpty();
        assertThat(afterAttack).anySatisfy(d -> {
            assertThat(d.region()).isEqualTo("eu");
            assertThat(d.type()).isEqualTo(AnomalyType.CREDENTIAL_STUFFING);
            assertThat(Duration.between(ATTACK, d.at())).isLessThanOrEqualTo(Duration.ofMinutes(5));
        });
        assertThat(afterAttack).noneMatch(d -> d.region().equals("uk"));
        assertThat(prometheus.getRequestCount()).isGreaterThan(1000);
    }
}
