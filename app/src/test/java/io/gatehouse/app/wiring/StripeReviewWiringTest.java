package io.gatehouse.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.data.config.ReviewSource;
import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.DecisionOptions;
import io.gatehouse.data.review.DecisionResult;
import io.gatehouse.data.review.DeliveryState;
import io.gatehouse.data.review.OutboxEntry;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.data.testing.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code review.source: stripe} wires the desk to the Stripe connector: reads list Radar reviews,
 * and a decision goes from the outbox to Stripe with the key from the secret store.
 */
class StripeReviewWiringTest {
    private static final Path FIXTURES = Path.of("..", "connectors", "src", "test", "resources", "stripe");
    private static final String KEY = "sk_test_51WiringKeyNeverShown";

    @TempDir
    Path tmp;

    private final MockWebServer mock = new MockWebServer();
    private final ManualClock clock = ManualClock.at("2025-11-25T10:00:00Z");

    @BeforeEach
    void start() throws Exception {
        mock.start();
    }

    @AfterEach
    void stop() throws Exception {
        mock.shutdown();
    }

    private void serve(String fixture) throws Exception {
        mock.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody(Files.readString(FIXTURES.resolve(fixture))));
    }

    private Composition compose() throws Exception {
        Path config = tmp.resolve("config.yaml");
        Files.writeString(config, """
                operator: alice
                operators:
                  - id: alice
                    name: Alice Analyst
                    roles: [analyst]
                profile: merchant
                profiles:
                  merchant:
                    stripe:
                      url: "%s"
                      apiKeySecret: stripe-key
                      blockLists: {card_fingerprint: rsl_1PqXwA2eZvKYlo2CbLoCkCaR}
                review:
                  source: stripe
                """.formatted(mock.url("/")));
        Composition composition = Composition.open(new AppDirectories(config, tmp.resolve("data")), clock);
        composition.secrets().unlock("a long test passphrase".toCharArray()).put("stripe-key", KEY.toCharArray());
        return composition;
    }

    @Test
    void theDeskListsRadarReviewsAndDeliversADeclineToStripe() throws Exception {
        try (Composition composition = compose()) {
            assertThat(composition.config().reviewSource()).isEqualTo(ReviewSource.STRIPE);
            assertThat(composition.config().sandboxActive()).isFalse();
            serve("reviews_page2.json");
            try (ReviewWiring review = ReviewWiring.forCommandLine(composition, clock)) {
                assertThat(review.simulated()).isFalse();
                List<ReviewCase> cases = review.desk().list(CaseFilter.all(), null).cases();
                assertThat(cases).extracting(ReviewCase::id).containsExactly("prv_1PqY3c2eZvKYlo2CmMnNoOpP");
                RecordedRequest listed = mock.takeRequest();
                assertThat(listed.getPath()).startsWith("/v1/reviews?limit=50");
                assertThat(listed.getHeader("Authorization")).isEqualTo("Bearer " + KEY);

                serve("review_open.json");
                serve("refund.json");
                serve("value_list_item.json");
                serve("review_closed_refunded_as_fraud.json");
                DecisionResult result = review.desk().decide("prv_1PqXz02eZvKYlo2CxYz12345", DecisionAction.DECLINE,
                        "stolen card pattern", DecisionOptions.none());
                String key = ((DecisionResult.Queued) result).entry().idempotencyKey();
                OutboxEntry delivered = review.drainOnce(key, Duration.ofSeconds(20)).orElseThrow();
                assertThat(delivered.state()).isEqualTo(DeliveryState.CONFIRMED);
                assertThat(delivered.upstreamAnswer()).contains("refunded_as_fraud");
                mock.takeRequest();
                RecordedRequest refund = mock.takeRequest();
                assertThat(refund.getPath()).isEqualTo("/v1/refunds");
                assertThat(refund.getHeader("Idempotency-Key")).isEqualTo("gatehouse-" + key + "-refund");
            }
        }
    }
}
