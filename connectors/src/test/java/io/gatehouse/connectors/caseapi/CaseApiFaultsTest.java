package io.gatehouse.connectors.caseapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.http.UpstreamException;
import io.gatehouse.connectors.http.UpstreamException.Reason;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CasePage;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.DecisionPayload;
import io.gatehouse.data.review.DecisionRequest;
import io.gatehouse.data.review.DeliveryOutcome;
import io.gatehouse.data.review.DeliveryState;
import io.gatehouse.data.review.FraudQueueException;
import io.gatehouse.data.review.OutboxEntry;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.data.secrets.Secret;
import io.gatehouse.data.secrets.SecretStore;
import io.gatehouse.data.testing.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answers the sandbox never gives, from MockWebServer on loopback: each is a clear error, nothing lost. */
class CaseApiFaultsTest {
    private static final String API_KEY = "ck_live_NeverPrintThis_9876";
    private static final String CASE = """
            {"id":"case_1","object":"case","status":"review","created":"2026-03-02T00:01:00Z",
             "updated":"2026-03-02T00:01:00Z","order_id":"ord_1","merchant":{"id":"m_1","name":"Shop"},
             "region":"eu","rail":"card","amount":12345,"currency":"EUR",
             "risk":{"score":70,"level":"elevated","rules":["risk_score_elevated"]},
             "payment_checks":{"address_line1_check":"pass","address_postal_code_check":"fail","cvc_check":"pass",
               "three_d_secure":"attempted"},
             "geo":{"ip":"203.0.113.9","ip_country":"DE","billing_country":"DE","shipping_country":"FR"},
             "device":{"id":"dev_1","first_seen":"2026-03-01T00:00:00Z","user_agent":"UA"},
             "session":{"id":"ses_1","token_id":"tok_1","age_seconds":30},
             "velocity":{"orders_per_card1h":1,"cards_per_device24h":1,"orders_per_email24h":1,"attempts_per_ip1h":1},
             "customer":{"id":"cus_1","email":"a@example.com","account_age_days":3,"prior_orders":0,
               "prior_declines":0,"prior_disputes":0},
             "linked_orders":[],"held":false,"escalated":false,"decisions":[],"notes_count":0,"outcomes":[]}
            """;

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

    private UpstreamClient upstream(int attempts) {
        return new UpstreamClient("Case API", HttpClients.standard(null), clock, d -> {
            sleeps.add(d);
            clock.advance(d);
        }, RandomGenerator.of("L64X128MixRandom"), attempts, Duration.ofSeconds(30));
    }

    private CaseApiClient client() {
        return new CaseApiClient(upstream(3), URI.create(mock.url("/").toString()), ApiKey.fromStore(
                () -> Optional.of(new OneSecret("case-api-key", API_KEY)), "case-api-key"));
    }

    private CaseApiDelivery delivery() {
        return new CaseApiDelivery(upstream(1), URI.create(mock.url("/").toString()), ApiKey.none());
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static MockResponse problem(int status, String slug, String extra) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/problem+json")
                .setBody("{\"type\":\"https://gatehouse.io/problems/" + slug + "\",\"title\":\"Refused\",\"status\":"
                        + status + ",\"detail\":\"because\"" + extra + "}");
    }

    private static String page(String... cases) {
        return "{\"object\":\"list\",\"data\":[" + String.join(",", cases) + "],\"has_more\":false}";
    }

    private static OutboxEntry entry() {
        String payload = DecisionPayload.write(new DecisionRequest(DecisionAction.APPROVE, "ok", "alice", List.of(), null));
        return new OutboxEntry(7, "key-7", "case_1", "approve", payload, DeliveryState.PENDING, 0, Instant.EPOCH,
                Instant.EPOCH, Instant.EPOCH, null, null);
    }

    @Test
    void theKeyIsSentAsBearerAndNeverShownInErrors() throws Exception {
        mock.enqueue(problem(401, "unauthorized", ""));
        assertThatThrownBy(() -> client().list(CaseFilter.all(), null))
                .isInstanceOfSatisfying(GatehouseException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.PERMISSION))
                .hasMessageContaining("401").hasMessageContaining("key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(API_KEY));
        RecordedRequest sent = mock.takeRequest();
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
    }

    @Test
    void aForbiddenAnswerIsAPermissionFailure() {
        mock.enqueue(problem(403, "maker-cannot-check", ""));
        assertThatThrownBy(() -> client().approve("apr_1", "alice", null))
                .isInstanceOfSatisfying(FraudQueueException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.PERMISSION);
                    assertThat(e.problem()).isEqualTo("maker-cannot-check");
                });
    }

    @Test
    void malformedAndTruncatedJsonAreRefused() {
        mock.enqueue(json(200, "{\"object\":\"list\",\"data\":[" + CASE.substring(0, 200)));
        assertThatThrownBy(() -> client().list(CaseFilter.all(), null))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_RESPONSE))
                .hasMessageContaining("truncated");
        mock.enqueue(json(200, page() + " {}"));
        assertThatThrownBy(() -> client().list(CaseFilter.all(), null))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_RESPONSE));
        mock.enqueue(json(200, "{\"object\": sk_live_fromTheBody}"));
        assertThatThrownBy(() -> client().list(CaseFilter.all(), null)).hasMessageContaining("line 1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sk_live"));
        mock.enqueue(json(200, "[1,2]"));
        assertThatThrownBy(() -> client().list(CaseFilter.all(), null)).hasMessageContaining("where an object was expected");
    }

    @Test
    void aFiftyMegabyteBodyIsRefusedUnread() {
        Buffer huge = new Buffer();
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) ' ');
        for (int i = 0; i < 50; i++) {
            huge.write(chunk);
        }
        mock.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(huge));
        assertThatThrownBy(() -> client().list(CaseFilter.all(), null))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("larger than " + BodyLimits.CASE_LIST);
    }

    @Test
    void wrongTypesAndMissingFieldsNameTheField() {
        mock.enqueue(json(200, CASE.replace("\"amount\":12345", "\"amount\":\"12345\"")));
        assertThatThrownBy(() -> client().get("case_1")).hasMessageContaining("'amount' as string where an integer");
        mock.enqueue(json(200, CASE.replace("\"held\":false,", "")));
        assertThatThrownBy(() -> client().get("case_1")).hasMessageContaining("required field 'held'");
        mock.enqueue(json(200, CASE.replace("\"score\":70", "\"score\":70.5")));
        assertThatThrownBy(() -> client().get("case_1")).hasMessageContaining("'score'");
        mock.enqueue(json(200, "{\"object\":\"list\",\"data\":[],\"has_more\":true}"));
        assertThatThrownBy(() -> client().list(CaseFilter.all(), null)).hasMessageContaining("next_cursor");
    }

    @Test
    void unknownEnumValuesAreKeptAndUnknownFieldsIgnored() {
        String future = CASE.replace("\"status\":\"review\"", "\"status\":\"quarantined\",\"new_field\":{\"x\":[1]}")
                .replace("\"region\":\"eu\"", "\"region\":\"antarctica\"")
                .replace("\"rail\":\"card\"", "\"rail\":\"crypto\"")
                .replace("\"level\":\"elevated\"", "\"level\":\"catastrophic\"")
                .replace("\"decisions\":[]", "\"decisions\":[{\"id\":\"d1\",\"case_id\":\"case_1\",\"action\":\"refer\","
                        + "\"reason\":\"r\",\"analyst\":\"system\",\"created\":\"2026-03-02T00:02:00Z\",\"allowlist\":[],"
                        + "\"confidence\":0.3}]");
        mock.enqueue(json(200, page(future)));
        CasePage page = client().list(CaseFilter.all(), null);
        ReviewCase c = page.cases().getFirst();
        assertThat(c.status().value()).isEqualTo("quarantined");
        assertThat(c.status().known()).isFalse();
        assertThat(c.region()).isEqualTo("antarctica");
        assertThat(c.rail()).isEqualTo("crypto");
        assertThat(c.risk().level()).isEqualTo("catastrophic");
        assertThat(c.decisions().getFirst().action().value()).isEqualTo("refer");
        assertThat(c.amount().plain()).isEqualTo("123.45");
    }

    @Test
    void anHtmlErrorPageIsAPlainUpstreamFailure() {
        mock.enqueue(new MockResponse().setResponseCode(500).setHeader("Content-Type", "text/html")
                .setBody("<html><body><h1>Internal Server Error</h1></body></html>"));
        assertThatThrownBy(() -> client().get("case_1"))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR))
                .hasMessageContaining("HTTP 500").satisfies(e -> assertThat(e.getMessage()).doesNotContain("<html>"));
        mock.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/html").setBody("<html>login</html>"));
        assertThatThrownBy(() -> client().get("case_1")).hasMessageContaining("HTML page");
    }

    @Test
    void aStormOf429sIsRetriedWithRetryAfterThenReported() {
        for (int i = 0; i < 3; i++) {
            mock.enqueue(problem(429, "rate-limited", "").setHeader("Retry-After", "2"));
        }
        assertThatThrownBy(() -> client().list(CaseFilter.all(), null))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
                });
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(mock.getRequestCount()).isEqualTo(3);

        mock.enqueue(problem(429, "rate-limited", "").setHeader("Retry-After", "120"));
        assertThat(delivery().deliver(entry())).isInstanceOfSatisfying(DeliveryOutcome.Retry.class,
                retry -> assertThat(retry.retryAfter()).isEqualTo(Duration.ofMinutes(2)));
    }

    @Test
    void aConnectionResetMidBodyIsRetriedAndThenReported() {
        for (int i = 0; i < 3; i++) {
            mock.enqueue(json(200, page(CASE, CASE, CASE)).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        }
        assertThatThrownBy(() -> client().list(CaseFilter.all(), null))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.retryable()).isTrue());
        mock.enqueue(json(201, "{}").setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        assertThat(delivery().deliver(entry())).isInstanceOf(DeliveryOutcome.Retry.class);
    }

    @Test
    void deliveryClassifiesEveryKindOfAnswer() {
        mock.enqueue(problem(404, "not-found", ""));
        assertThat(delivery().deliver(entry())).isInstanceOfSatisfying(DeliveryOutcome.Failed.class,
                f -> assertThat(f.reason()).contains("404").contains("not-found"));
        mock.enqueue(new MockResponse().setResponseCode(410));
        assertThat(delivery().deliver(entry())).isInstanceOf(DeliveryOutcome.Failed.class);
        mock.enqueue(problem(422, "idempotency-key-reused", ""));
        assertThat(delivery().deliver(entry())).isInstanceOf(DeliveryOutcome.Failed.class);
        mock.enqueue(problem(409, "case-already-decided", ",\"decision\":{\"action\":\"decline\"}"));
        assertThat(delivery().deliver(entry())).isInstanceOfSatisfying(DeliveryOutcome.Conflict.class,
                c -> assertThat(c.standingDecisionJson()).contains("decline"));
        mock.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "30"));
        assertThat(delivery().deliver(entry())).isInstanceOfSatisfying(DeliveryOutcome.Retry.class,
                r -> assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
        mock.enqueue(json(201, "{\"id\":\"dec_1\"}"));
        assertThat(delivery().deliver(entry())).isInstanceOf(DeliveryOutcome.Confirmed.class);
    }

    @Test
    void aRequestWithASlashInTheIdCannotLeaveItsPath() throws Exception {
        mock.enqueue(json(200, CASE));
        client().get("../admin/jwks");
        assertThat(mock.takeRequest().getPath()).isEqualTo("/v1/cases/..%2Fadmin%2Fjwks");
    }

    @Test
    void aBaseUrlEndingInV1MeansTheSameServer() throws Exception {
        mock.enqueue(json(200, page()));
        new CaseApiClient(upstream(1), URI.create(mock.url("/v1/").toString()), ApiKey.none()).list(CaseFilter.all(), null);
        assertThat(mock.takeRequest().getPath()).startsWith("/v1/cases?");
        mock.enqueue(json(200, page()));
        new CaseApiClient(upstream(1), URI.create(mock.url("/api").toString()), ApiKey.none()).list(CaseFilter.all(), null);
        assertThat(mock.takeRequest().getPath()).startsWith("/api/v1/cases?");
    }

    /** A secret store holding one secret. */
    private record OneSecret(String name, String value) implements SecretStore {
        @Override
        public void put(String n, char[] v) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Secret> get(String n) {
            return n.equals(name) ? Optional.of(Secret.copyOf(value.toCharArray())) : Optional.empty();
        }

        @Override
        public boolean delete(String n) {
            return false;
        }

        @Override
        public SortedSet<String> names() {
            return new TreeSet<>(List.of(name));
        }
    }
}
