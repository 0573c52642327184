package io.gatehouse.connectors.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.connectors.http.UpstreamException;
import io.gatehouse.connectors.http.UpstreamException.Reason;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.DeliveryOutcome;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every way a Stripe call can go wrong is a clear error on reads and the right outcome for the outbox. */
class StripeFaultsTest {
    private static final String REVIEW = "prv_1PqXz02eZvKYlo2CxYz12345";

    private final StripeRig rig = new StripeRig();

    @AfterEach
    void stop() {
        rig.close();
    }

    private DeliveryOutcome approve() {
        return rig.delivery().deliver(StripeRig.entry("dec-f", REVIEW, DecisionAction.APPROVE, List.of()));
    }

    private DeliveryOutcome declineAfterFetch(int status, String fixture) {
        rig.enqueue(200, "review_open.json");
        rig.enqueue(status, fixture);
        return rig.delivery().deliver(StripeRig.entry("dec-f", REVIEW, DecisionAction.DECLINE, List.of()));
    }

    @Test
    void aBadKeyIsAPermissionFailureThatNamesTheSecretButNeverShowsTheKey() {
        // Stripe echoes part of the key; this body echoes all of it
        rig.mock.enqueue(StripeRig.json(401, StripeRig.fixture("error_401.json")
                .replace("sk_test_********************9Qx2", StripeRig.API_KEY)));
        assertThatThrownBy(() -> rig.queue().list(CaseFilter.all(), null))
                .isInstanceOfSatisfying(StripeApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.PERMISSION);
                    assertThat(e.status()).isEqualTo(401);
                })
                .hasMessageContaining("401").hasMessageContaining("'stripe-key'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(StripeRig.API_KEY).doesNotContain("sk_test_"));
        rig.enqueue(200, "review_open.json");
        rig.mock.enqueue(StripeRig.json(401, StripeRig.fixture("error_401.json")));
        // a refused key is fixed by rotating it; the decision waits for that
        assertThat(approve()).isInstanceOfSatisfying(DeliveryOutcome.Retry.class,
                retry -> assertThat(retry.reason()).contains("401").doesNotContain("sk_test_"));
    }

    @Test
    void cardErrorsAreFinalAndCarryTheDeclineCode() {
        assertThat(declineAfterFetch(402, "error_402_card.json")).isInstanceOfSatisfying(DeliveryOutcome.Failed.class,
                failed -> assertThat(failed.reason()).contains("HTTP 402").contains("card_declined")
                        .contains("insufficient_funds").contains("Your card has insufficient funds."));
        assertThat(declineAfterFetch(400, "error_400_card.json")).isInstanceOfSatisfying(DeliveryOutcome.Failed.class,
                failed -> assertThat(failed.reason()).contains("HTTP 400").contains("incorrect_number")
                        .contains("parameter number"));
    }

    @Test
    void aReviewThatIsGoneFailsForGoodAndIsANotFoundOnReads() {
        rig.enqueue(404, "error_404.json");
        assertThat(approve()).isInstanceOfSatisfying(DeliveryOutcome.Failed.class,
                failed -> assertThat(failed.reason()).contains("404").contains("resource_missing").contains("No such review"));
        rig.enqueue(404, "error_404.json");
        assertThatThrownBy(() -> rig.queue().get("prv_1PqZzz2eZvKYlo2CGoneGone"))
                .isInstanceOfSatisfying(StripeApiException.class, e -> {
                    assertThat(e.problem()).isEqualTo("resource_missing");
                    assertThat(e.param()).isEqualTo("id");
                })
                .hasMessageContaining("refresh the queue");
    }

    @Test
    void anIdempotencyKeyStillInUseIsRetriedAndAMismatchIsSurfacedAsFinal() {
        assertThat(declineAfterFetch(409, "error_409_idempotency.json"))
                .isInstanceOfSatisfying(DeliveryOutcome.Retry.class,
                        retry -> assertThat(retry.reason()).contains("409").contains("idempotency"));
        assertThat(declineAfterFetch(400, "error_400_idempotency.json"))
                .isInstanceOfSatisfying(DeliveryOutcome.Failed.class, failed -> assertThat(failed.reason())
                        .contains("idempotency_error").contains("refused the idempotency key").contains("not applied twice"));
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedByTheOutboxHonouringRetryAfter() {
        rig.enqueue(200, "review_open.json");
        rig.mock.enqueue(StripeRig.json(429, StripeRig.fixture("error_429.json")).setHeader("Retry-After", "7"));
        assertThat(rig.delivery().deliver(StripeRig.entry("dec-r", REVIEW, DecisionAction.DECLINE, List.of())))
                .isInstanceOfSatisfying(DeliveryOutcome.Retry.class, retry -> {
                    assertThat(retry.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(retry.reason()).contains("429").contains("rate_limit");
                });
        assertThat(declineAfterFetch(500, "error_500.json")).isInstanceOfSatisfying(DeliveryOutcome.Retry.class,
                retry -> assertThat(retry.reason()).contains("HTTP 500").contains("api_error"));
    }

    @Test
    void readsRetryA429InPlaceAndThenSucceed() {
        rig.mock.enqueue(StripeRig.json(429, StripeRig.fixture("error_429.json")).setHeader("Retry-After", "2"));
        rig.enqueue(200, "reviews_page2.json");
        assertThat(rig.queue().list(CaseFilter.all(), null).cases()).hasSize(1);
        assertThat(rig.sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void anHtmlErrorPageFromAProxyIsExplainedByItsStatus() {
        for (int i = 0; i < 3; i++) {
            rig.mock.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                    .setBody("<html><body><h1>502 Bad Gateway</h1></body></html>"));
        }
        assertThatThrownBy(() -> rig.queue().list(CaseFilter.all(), null))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR))
                .hasMessageContaining("HTTP 502").hasMessageNotContaining("<html>");
        assertThat(rig.sleeps).hasSize(2);
        rig.mock.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                .setBody("<html><body><h1>502 Bad Gateway</h1></body></html>"));
        assertThat(approve()).isInstanceOfSatisfying(DeliveryOutcome.Retry.class,
                retry -> assertThat(retry.reason()).contains("HTTP 502"));
    }

    @Test
    void malformedTruncatedAndHtmlAnswersAreRefusedClearly() {
        String page = StripeRig.fixture("reviews_page1.json");
        rig.mock.enqueue(StripeRig.json(200, page.substring(0, page.length() / 2)));
        assertThatThrownBy(() -> rig.queue().list(CaseFilter.all(), null))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_RESPONSE))
                .hasMessageContaining("truncated");
        rig.mock.enqueue(StripeRig.json(200, "{\"object\": \"list\", \"data\": [}"));
        assertThatThrownBy(() -> rig.queue().list(CaseFilter.all(), null)).hasMessageContaining("cannot be read at line 1");
        rig.mock.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/html")
                .setBody("<html><body>Sign in</body></html>"));
        assertThatThrownBy(() -> rig.queue().list(CaseFilter.all(), null)).hasMessageContaining("HTML page");
        rig.mock.enqueue(StripeRig.json(200, page.replace("\"has_more\": true", "\"has_more\": \"yes\"")));
        assertThatThrownBy(() -> rig.queue().list(CaseFilter.all(), null)).hasMessageContaining("'has_more' as string");
        rig.mock.enqueue(StripeRig.json(200, StripeRig.fixture("refund.json")));
        assertThatThrownBy(() -> rig.queue().get(REVIEW)).hasMessageContaining("'refund' where a 'review' was expected");
        rig.mock.enqueue(StripeRig.json(200, StripeRig.fixture("review_open.json").replace("\"amount\": 12900,", "\"amount\": -5,")));
        assertThatThrownBy(() -> rig.queue().get(REVIEW)).hasMessageContaining("'amount' = -5");
        // a malformed answer to a decision keeps the decision queued
        rig.mock.enqueue(StripeRig.json(200, "{\"object\": \"review\""));
        assertThat(approve()).isInstanceOf(DeliveryOutcome.Retry.class);
    }

    @Test
    void anOversizedBodyIsRefusedWithoutReadingItAll() {
        Buffer huge = new Buffer();
        huge.writeUtf8("{\"object\":\"list\",\"url\":\"/v1/reviews\",\"has_more\":false,\"data\":[],\"pad\":\"");
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < (50 << 20) / chunk.length; i++) {
            huge.write(chunk);
        }
        huge.writeUtf8("\"}");
        rig.mock.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(huge));
        assertThatThrownBy(() -> rig.queue().list(CaseFilter.all(), null))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("larger than " + StripeLimits.REVIEW_PAGE + " bytes");
    }

    @Test
    void aConnectionCutMidBodyIsANetworkFailureTheOutboxRetries() {
        rig.enqueue(200, "review_open.json");
        rig.mock.enqueue(StripeRig.json(200, StripeRig.fixture("review_still_open.json"))
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        assertThat(approve()).isInstanceOf(DeliveryOutcome.Retry.class);
    }

    @Test
    void aDeadNetworkIsUnreachableOnReadsAndARetryForTheOutbox() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StripeSettings dead = StripeRig.settings(URI.create("http://127.0.0.1:" + closedPort));
        assertThatThrownBy(() -> rig.queue(dead).list(CaseFilter.all(), null))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE))
                .hasMessageContaining("cannot connect to 127.0.0.1:" + closedPort);
        StripeDecisionDelivery delivery = new StripeDecisionDelivery(rig.upstream(1), dead, rig.key(), d -> { });
        assertThat(delivery.deliver(StripeRig.entry("dec-d", REVIEW, DecisionAction.APPROVE, List.of())))
                .isInstanceOfSatisfying(DeliveryOutcome.Retry.class, retry -> assertThat(retry.reason()).contains("cannot connect"));
    }

    @Test
    void anUntrustedCertificateIsRefusedBecauseVerificationStaysOn() throws Exception {
        okhttp3.tls.HeldCertificate selfSigned = new okhttp3.tls.HeldCertificate.Builder()
                .addSubjectAlternativeName("localhost").build();
        try (okhttp3.mockwebserver.MockWebServer tls = new okhttp3.mockwebserver.MockWebServer()) {
            tls.useHttps(new okhttp3.tls.HandshakeCertificates.Builder().heldCertificate(selfSigned).build()
                    .sslSocketFactory(), false);
            tls.enqueue(StripeRig.json(200, StripeRig.fixture("reviews_page2.json")));
            tls.start();
            StripeSettings https = StripeRig.settings(URI.create(tls.url("/").toString()));
            assertThat(https.baseUrl().getScheme()).isEqualTo("https");
            assertThatThrownBy(() -> rig.queue(https).list(CaseFilter.all(), null))
                    .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TLS));
        }
    }

    @Test
    void plainHttpIsRefusedExceptToLoopback() {
        StripeSettings insecure = new StripeSettings(URI.create("http://api.stripe.com"), StripeSettings.PINNED_VERSION,
                Map.of(), Map.of(), 1, Duration.ZERO);
        assertThatThrownBy(() -> rig.queue(insecure).get(REVIEW))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INSECURE_URL))
                .hasMessageContaining("use https");
    }

    @Test
    void aLockedSecretStoreKeepsTheDecisionQueued() {
        StripeKey locked = StripeKey.fromStore(java.util.Optional::empty, StripeRig.KEY_NAME);
        StripeDecisionDelivery delivery = new StripeDecisionDelivery(rig.upstream(1), rig.settings(), locked, d -> { });
        assertThat(delivery.deliver(StripeRig.entry("dec-l", REVIEW, DecisionAction.APPROVE, List.of())))
                .isInstanceOfSatisfying(DeliveryOutcome.Retry.class, retry -> assertThat(retry.reason()).contains("locked"));
        assertThatThrownBy(() -> new StripeRadarQueue(rig.upstream(1), rig.settings(), locked, rig.clock, d -> { })
                .get(REVIEW)).isInstanceOf(GatehouseException.class).hasMessageContaining("Unlock it");
        assertThat(rig.mock.getRequestCount()).isZero();
    }
}
