package io.gatehouse.connectors.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.data.anomaly.AnomalyType;
import io.gatehouse.data.anomaly.Signal;
import io.gatehouse.data.incidents.Alert;
import io.gatehouse.data.incidents.AlertState;
import io.gatehouse.data.incidents.WebhookOutcome;
import io.gatehouse.data.testing.ManualClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackWebhookTest {
    private static final String SECRET_PATH = "/services/T000/B000/XXXXsecretXXXX";
    private static final Alert ALERT = new Alert(7, AnomalyType.CREDENTIAL_STUFFING, "eu", Signal.LOGIN_FAILURES,
            Instant.parse("2026-11-25T09:56:00Z"), Instant.parse("2026-11-25T10:00:00Z"), Instant.parse("2026-11-25T10:00:00Z"),
            null, 0.93, 612, 3.4, 3, AlertState.OPEN, null, null, 0);

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            bodies.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + "\n"
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int code = status.get();
            if (code == 429) {
                exchange.getResponseHeaders().add("Retry-After", "120");
            }
            byte[] answer = (code == 200 ? "ok" : "no").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private SlackWebhook webhook(URI url) {
        UpstreamClient client = new UpstreamClient("On-call webhook", HttpClients.standard(null), clock, d -> { },
                RandomGenerator.of("L64X128MixRandom"), 1, Duration.ofSeconds(5));
        return new SlackWebhook(client, url);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + SECRET_PATH);
    }

    @Test
    void postsSlackCompatibleJsonToARealServer() throws Exception {
        WebhookOutcome outcome = webhook(url()).post(ALERT, List.of("1. Rate-limit logins.", "2. Block the sources.",
                "3. Reset passwords.", "4. Watch takeovers."));
        assertThat(outcome).isEqualTo(new WebhookOutcome.Delivered());
        assertThat(bodies).hasSize(1);
        String[] request = bodies.getFirst().split("\n", 2);
        assertThat(request[0]).isEqualTo("POST " + SECRET_PATH + " application/json; charset=utf-8");
        JsonNode json = new ObjectMapper().readTree(request[1]);
        assertThat(json.get("text").asText()).isEqualTo(
                "CRITICAL Credential stuffing in eu since 2026-11-25T09:56:00Z (confidence 93%)");
        assertThat(json.get("blocks").get(0).get("text").get("text").asText()).isEqualTo("Credential stuffing in eu");
        assertThat(json.get("blocks").toString()).contains("3. Reset passwords.").doesNotContain("4. Watch");
    }

    @Test
    void passingFailuresAreRetriedAndPermanentOnesRefusedWithoutTheSecretUrl() {
        status.set(429);
        WebhookOutcome limited = webhook(url()).post(ALERT, List.of());
        assertThat(limited).isEqualTo(new WebhookOutcome.Retry(Duration.ofSeconds(120), "the webhook answered HTTP 429"));
        status.set(503);
        assertThat(webhook(url()).post(ALERT, List.of())).isInstanceOf(WebhookOutcome.Retry.class);
        status.set(404);
        WebhookOutcome gone = webhook(url()).post(ALERT, List.of());
        assertThat(gone).isInstanceOf(WebhookOutcome.Refused.class);
        assertThat(gone.toString()).contains("HTTP 404", "check the webhook URL secret").doesNotContain("XXXX").doesNotContain(SECRET_PATH);
        server.stop(0);
        WebhookOutcome down = webhook(url()).post(ALERT, List.of());
        assertThat(down).isInstanceOf(WebhookOutcome.Retry.class);
        assertThat(down.toString()).doesNotContain(SECRET_PATH).doesNotContain("XXXX");
    }

    @Test
    void aConnectionDroppedMidRequestIsRetriedLater() throws Exception {
        try (MockWebServer dropping = new MockWebServer()) {
            dropping.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            dropping.start(InetAddress.getLoopbackAddress(), 0);
            WebhookOutcome outcome = webhook(dropping.url(SECRET_PATH).uri()).post(ALERT, List.of());
            assertThat(outcome).isInstanceOf(WebhookOutcome.Retry.class);
            assertThat(outcome.toString()).doesNotContain(SECRET_PATH);
        }
    }

    @Test
    void plainHttpToAnotherHostIsRefusedBeforeAnythingIsSent() {
        WebhookOutcome outcome = webhook(URI.create("http://hooks.example.com" + SECRET_PATH)).post(ALERT, List.of());
        assertThat(outcome).isInstanceOf(WebhookOutcome.Refused.class);
        assertThat(outcome.toString()).doesNotContain(SECRET_PATH);
        assertThat(bodies).isEmpty();
    }
}
