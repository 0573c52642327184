package io.gatehouse.connectors.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.http.UpstreamException;
import io.gatehouse.connectors.http.UpstreamException.Reason;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.KpiPoint;
import io.gatehouse.data.telemetry.KpiQueries;
import io.gatehouse.data.telemetry.KpiSample;
import io.gatehouse.data.telemetry.KpiSeries;
import io.gatehouse.data.telemetry.SeriesKey;
import io.gatehouse.data.testing.ManualClock;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Prometheus connector against answers a real server will not give on demand: errors, hangs, broken JSON. */
class PrometheusSourceTest {
    private static final Instant AT = Instant.parse("2026-03-02T12:00:00.250Z");

    private final ManualClock clock = new ManualClock(AT);
    private final List<Duration> sleeps = new ArrayList<>();
    private MockWebServer mock;

    @BeforeEach
    void start() throws Exception {
        mock = new MockWebServer();
        mock.start();
    }

    @AfterEach
    void stop() throws Exception {
        mock.shutdown();
    }

    private PrometheusSource source(OkHttpClient http, PrometheusAuth auth, KpiQueries queries) {
        UpstreamClient client = new UpstreamClient("Prometheus", http, clock, d -> {
            sleeps.add(d);
            clock.advance(d);
        }, RandomGenerator.of("L64X128MixRandom"), 3, Duration.ofSeconds(10));
        return new PrometheusSource(client, URI.create(mock.url("/prom/").toString()), queries, auth);
    }

    private PrometheusSource source() {
        return source(HttpClients.standard(null), PrometheusAuth.none(), KpiQueries.defaults());
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void anInstantQueryGivesOneSamplePerRegionAndSendsTheConfiguredQuery() throws Exception {
        mock.enqueue(json(200, """
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"zone":"eu"},"value":[1772452800.25,"0.0125"]},
                  {"metric":{"zone":"uk"},"value":[1772452800.25,"0"]},
                  {"metric":{},"value":[1772452800.25,"0.5"]}]}}"""));
        KpiQueries queries = new KpiQueries("zone", Duration.ofMinutes(5), Map.of());
        List<KpiSample> samples = source(HttpClients.standard(null), PrometheusAuth.bearer("tok-123"), queries)
                .instant(Kpi.ERROR_RATE, AT);

        assertThat(samples).containsExactlyInAnyOrder(
                new KpiSample(SeriesKey.of("eu", Kpi.ERROR_RATE), AT, 0.0125),
                new KpiSample(SeriesKey.of("uk", Kpi.ERROR_RATE), AT, 0.0));
        RecordedRequest request = mock.takeRequest();
        assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/prom/api/v1/query");
        assertThat(request.getRequestUrl().queryParameter("query")).isEqualTo(queries.expression(Kpi.ERROR_RATE));
        assertThat(request.getRequestUrl().queryParameter("time")).isEqualTo("1772452800.250");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer tok-123");
    }

    @Test
    void aRangeQueryKeepsDetailsAndTurnsNanAndInfinityIntoGaps() throws Exception {
        mock.enqueue(json(200, """
                {"status":"success","warnings":["some stores were unreachable"],"data":{"resultType":"matrix","result":[
                  {"metric":{"region":"eu","reason":"do_not_honor"},
                   "values":[[1772452800,"0.01"],[1772452860,"NaN"],[1772452920,"+Inf"],[1772452980,"-Inf"],[1772453040,"2e-2"]]}]}}"""));
        PrometheusSource source = source(HttpClients.standard(null), PrometheusAuth.basic("grafana", "s3cret"),
                KpiQueries.defaults());
        List<KpiSeries> series = source.range(Kpi.DECLINE_RATE_BY_REASON, Instant.ofEpochSecond(1772452800),
                Instant.ofEpochSecond(1772453040), Duration.ofMinutes(1));

        assertThat(series).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo(new SeriesKey("eu", Kpi.DECLINE_RATE_BY_REASON, "do_not_honor"));
            assertThat(s.points()).containsExactly(new KpiPoint(Instant.ofEpochSecond(1772452800), 0.01),
                    new KpiPoint(Instant.ofEpochSecond(1772453040), 0.02));
        });
        assertThat(source.lastWarnings()).containsExactly("some stores were unreachable");
        RecordedRequest request = mock.takeRequest();
        assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/prom/api/v1/query_range");
        assertThat(request.getRequestUrl().queryParameter("step")).isEqualTo("60.000");
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic Z3JhZmFuYTpzM2NyZXQ=");
    }

    @Test
    void aRawQueryKeepsNonFiniteValuesForTheCallerToJudge() {
        mock.enqueue(json(200, """
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"region":"eu"},"value":[1772452800,"NaN"]},
                  {"metric":{"region":"uk"},"value":[1772452800,"+Inf"]}]}}"""));
        PromResult result = source().query("x", AT);
        assertThat(result.series()).extracting(s -> s.values()[0]).containsExactlyInAnyOrder(Double.NaN,
                Double.POSITIVE_INFINITY);
    }

    @Test
    void badQuery400IsAClearRejection() {
        mock.enqueue(json(400, """
                {"status":"error","errorType":"bad_data","error":"invalid parameter \\"query\\": 1:5: parse error: unexpected \\")\\""}"""));
        assertThatThrownBy(() -> source().instant(Kpi.P95_LATENCY, AT))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REJECTED);
                    assertThat(e.status()).isEqualTo(400);
                })
                .hasMessageContaining("refused the query as invalid (HTTP 400)")
                .hasMessageContaining("bad_data: invalid parameter \"query\": 1:5: parse error");
    }

    @Test
    void execution422SaysToNarrowTheQuery() {
        mock.enqueue(json(422, """
                {"status":"error","errorType":"execution","error":"query processing would load too many samples into memory"}"""));
        assertThatThrownBy(() -> source().instant(Kpi.ERROR_RATE, AT))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED))
                .hasMessageContaining("HTTP 422").hasMessageContaining("Narrow the time range")
                .hasMessageContaining("too many samples");
    }

    @Test
    void unavailable503IsRetriedThenReported() {
        for (int i = 0; i < 3; i++) {
            mock.enqueue(json(503, "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out in expression evaluation\"}"));
        }
        assertThatThrownBy(() -> source().instant(Kpi.ERROR_RATE, AT))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR))
                .hasMessageContaining("unavailable or timed out the query (HTTP 503)")
                .hasMessageContaining("timeout: query timed out");
        assertThat(mock.getRequestCount()).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void aDownServerIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        UpstreamClient client = new UpstreamClient("Prometheus", HttpClients.standard(null), clock, d -> { },
                RandomGenerator.of("L64X128MixRandom"), 2, Duration.ofSeconds(10));
        PrometheusSource down = new PrometheusSource(client, URI.create("http://127.0.0.1:" + closedPort),
                KpiQueries.defaults(), PrometheusAuth.none());
        assertThatThrownBy(() -> down.instant(Kpi.ERROR_RATE, AT))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE))
                .hasMessageContaining("Is the service running");
    }

    @Test
    void aSlowServerTimesOut() {
        mock.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        mock.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        mock.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        OkHttpClient impatient = HttpClients.standard(null).newBuilder().readTimeout(Duration.ofMillis(200)).build();
        assertThatThrownBy(() -> source(impatient, PrometheusAuth.none(), KpiQueries.defaults()).instant(Kpi.ERROR_RATE, AT))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT))
                .hasMessageContaining("no answer in time");
    }

    @Test
    void malformedEnvelopesAreRefusedWhole() {
        List<String> broken = List.of(
                "<html>not json</html>",
                "{\"status\":\"success\"}",
                "{\"status\":\"maybe\",\"data\":{}}",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"region\":\"eu\"},\"value\":[1,2]}]}}",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"region\":\"eu\"},\"value\":[1,\"0x1p3\"]}]}}",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[2,\"1\"],[1,\"1\"]]}]}}",
                "{\"status\":\"success\",\"status\":\"error\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}} trailing",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":[]}}");
        for (String body : broken) {
            mock.enqueue(json(200, body));
            assertThatThrownBy(() -> source().query("up", AT))
                    .as(body)
                    .isInstanceOfSatisfying(UpstreamException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_RESPONSE))
                    .hasMessageContaining("cannot read");
        }
    }

    @Test
    void aQueryWhoseLabelsExplodeIsRefusedWholeAndSaysSo() {
        StringBuilder body = new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[");
        for (int i = 0; i <= PromEnvelopeParser.MAX_SERIES; i++) {
            body.append(i == 0 ? "" : ",").append("{\"metric\":{\"region\":\"eu\",\"session\":\"s").append(i)
                    .append("\"},\"value\":[1772452800,\"1\"]}");
        }
        mock.enqueue(json(200, body.append("]}}").toString()));
        assertThatThrownBy(() -> source().query("up", AT))
                .isInstanceOfSatisfying(UpstreamException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_RESPONSE))
                .hasMessageContaining("more than 20000 series");
    }

    @Test
    void aProxyErrorPageIsReportedByItsStatus() {
        mock.enqueue(new MockResponse().setResponseCode(401).setBody("<html>login</html>"));
        assertThatThrownBy(() -> source().query("up", AT))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED));
    }

    @Test
    void credentialsNeverShowInToString() {
        assertThat(PrometheusAuth.bearer("tok-123").toString()).doesNotContain("tok-123");
        assertThat(PrometheusAuth.basic("grafana", "s3cret").toString()).doesNotContain("s3cret");
    }
}
