package io.gatehouse.connectors.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CasePage;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.FraudQueueException;
import io.gatehouse.data.review.Money;
import io.gatehouse.data.review.ReviewCase;
import java.time.Duration;
import java.time.Instant;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listing and reading Radar reviews from Stripe-shaped answers on loopback. */
class StripeRadarQueueTest {
    private final StripeRig rig = new StripeRig();

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void listsOpenReviewsPageByPageWithExpandedEvidence() throws Exception {
        rig.enqueue(200, "reviews_page1.json");
        rig.enqueue(200, "reviews_page2.json");
        StripeRadarQueue queue = rig.queue();

        CasePage first = queue.list(CaseFilter.all().withLimit(2), null);
        assertThat(first.cases()).extracting(ReviewCase::id)
                .containsExactly("prv_1PqXz02eZvKYlo2CxYz12345", "prv_1PqY1b2eZvKYlo2CaAbBcCdD");
        assertThat(first.nextCursor()).isEqualTo("prv_1PqY1b2eZvKYlo2CaAbBcCdD");
        CasePage second = queue.list(CaseFilter.all().withLimit(2), first.nextCursor());
        assertThat(second.cases()).extracting(ReviewCase::id).containsExactly("prv_1PqY3c2eZvKYlo2CmMnNoOpP");
        assertThat(second.hasMore()).isFalse();

        RecordedRequest one = rig.mock.takeRequest();
        assertThat(one.getMethod()).isEqualTo("GET");
        HttpUrl url = one.getRequestUrl();
        assertThat(url.encodedPath()).isEqualTo("/v1/reviews");
        assertThat(url.queryParameter("limit")).isEqualTo("2");
        assertThat(url.queryParameter("starting_after")).isNull();
        assertThat(url.queryParameterValues("expand[]")).containsExactly("data.charge", "data.charge.outcome.rule",
                "data.payment_intent");
        assertThat(one.getHeader("Authorization")).isEqualTo("Bearer " + StripeRig.API_KEY);
        assertThat(one.getHeader("Stripe-Version")).isEqualTo(StripeSettings.PINNED_VERSION);
        assertThat(one.getHeader("Idempotency-Key")).isNull();
        RecordedRequest two = rig.mock.takeRequest();
        assertThat(two.getRequestUrl().queryParameter("starting_after")).isEqualTo("prv_1PqY1b2eZvKYlo2CaAbBcCdD");
    }

    @Test
    void mapsAReviewToACaseKeepingOnlyTheCardsBrandLastFourAndCountry() {
        rig.enqueue(200, "review_open.json");
        ReviewCase c = rig.queue().get("prv_1PqXz02eZvKYlo2CxYz12345");

        assertThat(c.status()).isEqualTo(CaseStatus.REVIEW);
        assertThat(c.created()).isEqualTo(Instant.parse("2025-11-25T10:00:00Z"));
        assertThat(c.orderId()).isEqualTo("ord_10442");
        assertThat(c.amount()).isEqualTo(new Money(12900, "EUR"));
        assertThat(c.rail()).isEqualTo("card");
        assertThat(c.risk().score()).isEqualTo(67);
        assertThat(c.risk().level()).isEqualTo("elevated");
        assertThat(c.risk().rules()).containsExactly(":risk_level: = 'elevated' and :card_country: != :ip_country:");
        assertThat(c.paymentChecks()).isEqualTo(new ReviewCase.PaymentChecks("pass", "fail", "pass", "authenticated"));
        assertThat(c.card()).isEqualTo(new ReviewCase.Card(null, null, "visa", "4242", "US"));
        assertThat(c.geo()).isEqualTo(new ReviewCase.Geo("203.0.113.54", "FR", "FR", "DE"));
        assertThat(c.device().userAgent()).isEqualTo("Chrome 124.0.6367.91 on macOS, Macintosh");
        // neither the card fingerprint nor the PaymentIntent's client secret is kept in the case
        assertThat(c.toString()).doesNotContain("Xt5EWLLDS7FJjR1c").doesNotContain("_secret_");
    }

    @Test
    void anUncapturedJapaneseReviewHasItsAmountInWholeYen() {
        rig.enqueue(200, "review_uncaptured.json");
        ReviewCase c = rig.queue().get("prv_1PqY1b2eZvKYlo2CaAbBcCdD");
        assertThat(c.amount()).isEqualTo(new Money(250000, "JPY"));
        assertThat(c.amount().plain()).isEqualTo("250000");
        // a rule Stripe sent as an id only is shown by its id
        assertThat(c.risk().rules()).containsExactly("rule_1PqRzz2eZvKYlo2CHiGhRiSk");
        assertThat(c.risk().level()).isEqualTo("highest");
        assertThat(c.geo().ipCountry()).isEqualTo("JP");
    }

    @Test
    void unknownEnumValuesAreKeptAndUnknownFieldsIgnored() {
        String body = StripeRig.fixture("reviews_page2.json")
                .replace("\"opened_reason\": \"manual\"", "\"opened_reason\": \"radar_assistant\", \"brand_new_field\": {\"x\": 1}");
        assertThat(body).contains("radar_assistant");
        rig.mock.enqueue(StripeRig.json(200, body));
        ReviewCase c = rig.queue().list(CaseFilter.all(), null).cases().getFirst();
        assertThat(c.risk().level()).isEqualTo("unusual_velocity");
        assertThat(c.risk().rules()).isEmpty();
        assertThat(c.geo().ip()).isNull();
        assertThat(c.device()).isNull();
    }

    @Test
    void aClosedReviewShowsHowStripeClosedItWithUnknownReasonsKept() {
        rig.mock.enqueue(StripeRig.json(200, StripeRig.fixture("review_open.json")
                .replace("\"open\": true", "\"open\": false")
                .replace("\"closed_reason\": null", "\"closed_reason\": \"payment_never_settled\"")));
        ReviewCase c = rig.queue().get("prv_1PqXz02eZvKYlo2CxYz12345");
        assertThat(c.status()).isEqualTo(CaseStatus.DECIDED);
        assertThat(c.decision().action()).isEqualTo(new DecisionAction("payment_never_settled"));
        assertThat(c.decision().action().known()).isFalse();
    }

    @Test
    void aHostileCardNumberInTheBodyIsNeverKept() {
        rig.mock.enqueue(StripeRig.json(200, StripeRig.fixture("review_open.json")
                .replace("\"last4\": \"4242\"", "\"last4\": \"4242\", \"number\": \"4242424242424242\"")));
        ReviewCase c = rig.queue().get("prv_1PqXz02eZvKYlo2CxYz12345");
        assertThat(c.toString()).doesNotContain("4242424242424242");
    }

    @Test
    void createdFiltersAndTheDesksFiltersNarrowTheList() throws Exception {
        rig.enqueue(200, "reviews_page1.json");
        StripeRadarQueue queue = rig.queue();
        Instant from = Instant.parse("2025-11-25T00:00:00Z");
        CasePage page = queue.openReviews(from, from.plus(Duration.ofDays(1)), 500, null);
        assertThat(page.cases()).hasSize(2);
        HttpUrl url = rig.mock.takeRequest().getRequestUrl();
        assertThat(url.queryParameter("created[gte]")).isEqualTo("1764028800");
        assertThat(url.queryParameter("created[lt]")).isEqualTo("1764115200");
        assertThat(url.queryParameter("limit")).isEqualTo("100");

        rig.enqueue(200, "reviews_page1.json");
        CaseFilter yen = new CaseFilter(null, null, null, "JPY", null, 80, null, null, null, null, null, 50);
        assertThat(queue.list(yen, null).cases()).extracting(ReviewCase::id).containsExactly("prv_1PqY1b2eZvKYlo2CaAbBcCdD");
        assertThat(queue.list(CaseFilter.all().withStatus(CaseStatus.DECIDED), null).cases()).isEmpty();
    }

    @Test
    void radarHasNoClaimsNotesOrApprovalsAndSaysSo() {
        StripeRadarQueue queue = rig.queue();
        assertThat(queue.notes("prv_1")).isEmpty();
        assertThat(queue.approvals(null)).isEmpty();
        assertThatThrownBy(() -> queue.claim("prv_1", "alice", Duration.ofMinutes(5)))
                .isInstanceOfSatisfying(FraudQueueException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.CONFIGURATION);
                    assertThat(e.problem()).isEqualTo("unsupported");
                })
                .hasMessageContaining("claims").hasMessageContaining("review.source: caseApi");
        assertThat(rig.mock.getRequestCount()).isZero();
    }
}
