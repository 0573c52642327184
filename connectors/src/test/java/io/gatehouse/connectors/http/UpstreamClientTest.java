package io.gatehouse.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.gatehouse.connectors.http.UpstreamException.Reason;
import io.gatehouse.data.testing.ManualClock;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import okhttp3.tls.HeldCertificate;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real loopback server for the normal path; MockWebServer for the failures a real peer will
 * not produce on demand (429 storms, resets mid-body, huge bodies, hangs).
 */
class UpstreamClientTest {
    private static final String API_KEY = "sk_test_DoNotLeakMe_4242";

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
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

    private UpstreamClient client(OkHttpClient http) {
        return new UpstreamClient("Case API", http, clock, d -> {
            sleeps.add(d);
            clock.advance(d);
        }, RandomGenerator.of("L64X128MixRandom"), 4, Duration.ofSeconds(30));
    }

    private UpstreamClient client() {
        return client(HttpClients.standard(null));
    }

    private Request get(String path) {
        return new Request.Builder().url(mock.url(path)).header("Authorization", "Bearer " + API_KEY).build();
    }

    private Request post(String path, String idempotencyKey) {
        Request.Builder b = new Request.Builder().url(mock.url(path))
                .post(RequestBody.create("{}", MediaType.get("application/json")));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return b.build();
    }

    @Test
    void readsARealLoopbackServer() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/cases", exchange -> {
            byte[] body = "{\"data\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            UpstreamResponse response = client().execute(new Request.Builder()
                    .url("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/cases").build(), 1024).orThrow();
            assertThat(response.bodyText()).isEqualTo("{\"data\":[]}");
            assertThat(response.contentType()).isEqualTo("application/json");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void plainHttpToAnotherHostIsRefusedBeforeConnecting() {
        assertThatThrownBy(() -> client().execute(new Request.Builder().url("http://cases.example.com/v1").build(), 10))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INSECURE_URL))
                .hasMessageContaining("use https");
    }

    @Test
    void aRateLimitStormIsRetriedAsToldThenReported() {
        for (int i = 0; i < 4; i++) {
            mock.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "2"));
        }
        UpstreamResponse response = client().execute(get("/v1/cases"), 1024);
        assertThat(response.status()).isEqualTo(429);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(mock.getRequestCount()).isEqualTo(4);
        assertThatThrownBy(response::orThrow)
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
                })
                .hasMessageContaining("rate limiting");
    }

    @Test
    void aLongRetryAfterIsLeftToTheCallersSchedule() {
        mock.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "3600"));
        UpstreamResponse response = client().execute(get("/v1/cases"), 1024);
        assertThat(response.retryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void retryAfterAsAnHttpDateIsUnderstood() {
        mock.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "Wed, 25 Nov 2026 10:00:05 GMT"));
        mock.enqueue(new MockResponse().setBody("ok"));
        assertThat(client().execute(get("/x"), 1024).bodyText()).isEqualTo("ok");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void aPostIsRetriedOnlyWithAnIdempotencyKey() throws Exception {
        mock.enqueue(new MockResponse().setResponseCode(503));
        mock.enqueue(new MockResponse().setResponseCode(200).setBody("{\"decision\":\"approve\"}"));
        assertThat(client().execute(post("/v1/cases/c1/decisions", "key-1"), 1024).status()).isEqualTo(200);
        assertThat(mock.takeRequest().getHeader("Idempotency-Key")).isEqualTo("key-1");
        assertThat(mock.takeRequest().getHeader("Idempotency-Key")).isEqualTo("key-1");

        mock.enqueue(new MockResponse().setResponseCode(503));
        assertThat(client().execute(post("/v1/cases/c1/notes", null), 1024).status()).isEqualTo(503);
        assertThat(mock.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aConnectionResetMidBodyIsRetriedThenReported() {
        for (int i = 0; i < 4; i++) {
            mock.enqueue(new MockResponse().setBody("{\"data\":[" + "1,".repeat(50_000) + "1]}")
                    .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        }
        assertThatThrownBy(() -> client().execute(get("/v1/cases"), 10_000_000))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.reason()).isIn(Reason.UNREACHABLE, Reason.TIMEOUT);
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(mock.getRequestCount()).isEqualTo(4);
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void aHugeBodyIsRefusedWhetherDeclaredOrStreamed() {
        mock.enqueue(new MockResponse().setBody("x".repeat(200_000)));
        assertThatThrownBy(() -> client().execute(get("/declared"), 64 * 1024))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        mock.enqueue(new MockResponse().setChunkedBody("y".repeat(200_000), 4096));
        assertThatThrownBy(() -> client().execute(get("/chunked"), 64 * 1024))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @Test
    void aBadKeyIsAPermissionFailureThatNeverRepeatsTheKey() {
        mock.enqueue(new MockResponse().setResponseCode(401).setBody("{\"error\":\"invalid api key " + API_KEY + "\"}"));
        UpstreamResponse response = client().execute(get("/v1/cases"), 1024);
        assertThatThrownBy(response::orThrow)
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED);
                    assertThat(e.kind()).isEqualTo(io.gatehouse.data.FailureKind.PERMISSION);
                    assertThat(e.getMessage()).doesNotContain(API_KEY).contains("rotate the API key");
                });
    }

    @Test
    void anHtmlErrorPageIsAServerErrorNotAParseCrash() {
        for (int i = 0; i < 4; i++) {
            mock.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                    .setBody("<html><body><h1>502 Bad Gateway</h1></body></html>"));
        }
        UpstreamResponse response = client().execute(get("/v1/cases"), 1024);
        assertThat(response.contentType()).startsWith("text/html");
        assertThatThrownBy(response::orThrow)
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR));
    }

    @Test
    void anUntrustedCertificateIsATlsFailure() throws Exception {
        HeldCertificate selfSigned = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
        HandshakeCertificates serverCerts = new HandshakeCertificates.Builder().heldCertificate(selfSigned).build();
        mock.useHttps(serverCerts.sslSocketFactory(), false);
        mock.enqueue(new MockResponse().setBody("secret"));
        Request request = new Request.Builder().url(mock.url("/v1").newBuilder().host("localhost").build()).build();
        assertThatThrownBy(() -> client().execute(request, 1024))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TLS))
                .hasMessageContaining("does not trust");
    }

    @Test
    void aHangingServerTimesOut() {
        mock.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        OkHttpClient impatient = HttpClients.standard(null).newBuilder().readTimeout(Duration.ofMillis(200)).build();
        UpstreamClient once = new UpstreamClient("Case API", impatient, clock, d -> { }, RandomGenerator.of("L64X128MixRandom"),
                1, Duration.ofSeconds(30));
        assertThatThrownBy(() -> once.execute(get("/v1/cases"), 1024))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
    }
}
