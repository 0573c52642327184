package io.gatehouse.connectors.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.review.AllowlistEntry;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.DeliveryOutcome;
import io.gatehouse.data.review.OutboxEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Decisions carried out on Stripe-shaped answers: what is sent, with which keys, and what it came to. */
class StripeDecisionDeliveryTest {
    private static final String REVIEW = "prv_1PqXz02eZvKYlo2CxYz12345";
    private static final String UNCAPTURED = "prv_1PqY1b2eZvKYlo2CaAbBcCdD";

    private final StripeRig rig = new StripeRig();

    @AfterEach
    void stop() {
        rig.close();
    }

    private List<RecordedRequest> taken() throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        while (rig.mock.getRequestCount() > out.size()) {
            out.add(rig.mock.takeRequest());
        }
        return out;
    }

    @Test
    void approveIsConfirmedOnlyOnceARefetchReadsTheReviewClosed() throws Exception {
        rig.enqueue(200, "review_open.json");
        rig.enqueue(200, "review_still_open.json"); // the approve answer itself can still say open
        rig.enqueue(200, "review_still_open.json");
        rig.enqueue(200, "review_closed_approved.json");

        DeliveryOutcome outcome = rig.delivery().deliver(StripeRig.entry("dec-1", REVIEW, DecisionAction.APPROVE, List.of()));

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Confirmed.class,
                ok -> assertThat(ok.answerJson()).contains("\"closed_reason\":\"approved\"").contains("/approve"));
        List<RecordedRequest> sent = taken();
        assertThat(sent).extracting(r -> r.getMethod() + " " + r.getRequestUrl().encodedPath()).containsExactly(
                "GET /v1/reviews/" + REVIEW, "POST /v1/reviews/" + REVIEW + "/approve",
                "GET /v1/reviews/" + REVIEW, "GET /v1/reviews/" + REVIEW);
        RecordedRequest approve = sent.get(1);
        assertThat(approve.getHeader("Idempotency-Key")).isEqualTo("gatehouse-dec-1-approve");
        assertThat(approve.getHeader("Authorization")).isEqualTo("Bearer " + StripeRig.API_KEY);
        assertThat(approve.getHeader("Stripe-Version")).isEqualTo(StripeSettings.PINNED_VERSION);
        assertThat(approve.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(sent.getFirst().getRequestUrl().queryParameterValues("expand[]"))
                .containsExactly("charge", "charge.outcome.rule", "payment_intent");
        // one wait between the two read-backs, on the injected sleeper
        assertThat(rig.sleeps).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void aReviewStillOpenAfterEveryReadBackIsPendingConfirmation() throws Exception {
        rig.enqueue(200, "review_open.json");
        rig.enqueue(200, "review_still_open.json");
        for (int i = 0; i < 4; i++) {
            rig.enqueue(200, "review_still_open.json");
        }
        DeliveryOutcome outcome = rig.delivery().deliver(StripeRig.entry("dec-2", REVIEW, DecisionAction.APPROVE, List.of()));
        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Accepted.class,
                accepted -> assertThat(accepted.answerJson()).contains("pending confirmation"));
        assertThat(rig.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(rig.mock.getRequestCount()).isEqualTo(6);
    }

    @Test
    void aPendingApprovalIsSettledByALaterReadBack() throws Exception {
        OutboxEntry entry = StripeRig.entry("dec-p", REVIEW, DecisionAction.APPROVE, List.of());
        rig.enqueue(200, "review_still_open.json");
        assertThat(rig.delivery().readBack(entry)).isInstanceOfSatisfying(DeliveryOutcome.Accepted.class,
                pending -> assertThat(pending.answerJson()).contains("pending confirmation"));
        rig.enqueue(200, "review_closed_approved.json");
        assertThat(rig.delivery().readBack(entry)).isInstanceOfSatisfying(DeliveryOutcome.Confirmed.class,
                ok -> assertThat(ok.answerJson()).contains("\"closed_reason\":\"approved\""));
        rig.enqueue(200, "review_closed_disputed.json");
        assertThat(rig.delivery().readBack(entry)).isInstanceOf(DeliveryOutcome.Conflict.class);
        rig.enqueue(404, "error_404.json");
        assertThat(rig.delivery().readBack(entry)).isInstanceOf(DeliveryOutcome.Failed.class);
        assertThat(taken()).allSatisfy(r -> {
            assertThat(r.getMethod()).isEqualTo("GET");
            assertThat(r.getPath()).isEqualTo("/v1/reviews/" + REVIEW);
        });
    }

    @Test
    void refusingACapturedPaymentRefundsItAsFraudAndBlocksTheCardAndIp() throws Exception {
        rig.enqueue(200, "review_open.json");
        rig.enqueue(200, "refund.json");
        rig.enqueue(200, "value_list_item.json");
        rig.enqueue(200, "value_list_item.json");
        rig.enqueue(200, "review_closed_refunded_as_fraud.json");

        DeliveryOutcome outcome = rig.delivery().deliver(StripeRig.entry("dec-3", REVIEW, DecisionAction.DECLINE, List.of()));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Confirmed.class);
        List<RecordedRequest> sent = taken();
        RecordedRequest refund = sent.get(1);
        assertThat(refund.getMethod() + " " + refund.getPath()).isEqualTo("POST /v1/refunds");
        assertThat(refund.getBody().readUtf8()).isEqualTo("payment_intent=pi_3PqXyZ2eZvKYlo2C0hIjKlMn&reason=fraudulent");
        assertThat(refund.getHeader("Idempotency-Key")).isEqualTo("gatehouse-dec-3-refund");
        RecordedRequest blockCard = sent.get(2);
        assertThat(blockCard.getPath()).isEqualTo("/v1/radar/value_list_items");
        assertThat(blockCard.getBody().readUtf8()).isEqualTo("value_list=" + StripeRig.BLOCK_CARDS + "&value=Xt5EWLLDS7FJjR1c");
        RecordedRequest blockIp = sent.get(3);
        assertThat(blockIp.getBody().readUtf8()).isEqualTo("value_list=" + StripeRig.BLOCK_IPS + "&value=203.0.113.54");
        assertThat(List.of(refund, blockCard, blockIp)).extracting(r -> r.getHeader("Idempotency-Key"))
                .doesNotHaveDuplicates().allSatisfy(k -> assertThat(k).startsWith("gatehouse-dec-3-"));
        assertThat(sent.get(4).getMethod()).isEqualTo("GET");
    }

    @Test
    void refusingAnUncapturedPaymentCancelsItsPaymentIntent() throws Exception {
        rig.enqueue(200, "review_uncaptured.json");
        rig.enqueue(200, "payment_intent_canceled.json");
        rig.enqueue(200, "value_list_item.json");
        rig.enqueue(200, "value_list_item.json");
        rig.enqueue(200, "review2_closed_canceled.json");

        DeliveryOutcome outcome = rig.delivery().deliver(StripeRig.entry("dec-4", UNCAPTURED, DecisionAction.DECLINE, List.of()));

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Confirmed.class,
                ok -> assertThat(ok.answerJson()).contains("\"closed_reason\":\"canceled\""));
        RecordedRequest cancel = taken().get(1);
        assertThat(cancel.getPath()).isEqualTo("/v1/payment_intents/pi_3PqY1a2eZvKYlo2C1iIjJkKl/cancel");
        assertThat(cancel.getBody().readUtf8()).isEqualTo("cancellation_reason=fraudulent");
        assertThat(cancel.getHeader("Idempotency-Key")).isEqualTo("gatehouse-dec-4-cancel");
    }

    @Test
    void theSameDecisionRetriedSendsTheSameIdempotencyKeys() throws Exception {
        OutboxEntry entry = StripeRig.entry("dec-5", REVIEW, DecisionAction.DECLINE, List.of());
        // first attempt: the refund's answer is lost to a 500, so the outbox will retry
        rig.enqueue(200, "review_open.json");
        rig.enqueue(500, "error_500.json");
        assertThat(rig.delivery().deliver(entry)).isInstanceOf(DeliveryOutcome.Retry.class);
        // the retry: Stripe replays the refund it already made under that key
        rig.enqueue(200, "review_open.json");
        rig.mock.enqueue(StripeRig.json(200, StripeRig.fixture("refund.json")).setHeader("Idempotent-Replayed", "true"));
        rig.enqueue(200, "value_list_item.json");
        rig.enqueue(200, "value_list_item.json");
        rig.enqueue(200, "review_closed_refunded_as_fraud.json");
        assertThat(rig.delivery().deliver(entry)).isInstanceOf(DeliveryOutcome.Confirmed.class);

        List<RecordedRequest> sent = taken();
        RecordedRequest firstRefund = sent.get(1);
        RecordedRequest secondRefund = sent.get(3);
        assertThat(secondRefund.getPath()).isEqualTo("/v1/refunds");
        assertThat(secondRefund.getHeader("Idempotency-Key")).isEqualTo(firstRefund.getHeader("Idempotency-Key"));
        assertThat(secondRefund.getBody().readUtf8()).isEqualTo(firstRefund.getBody().readUtf8());
    }

    private static String closedAs(String reason) {
        return StripeRig.fixture("review_open.json").replace("\"open\": true", "\"open\": false")
                .replace("\"closed_reason\": null", "\"closed_reason\": \"" + reason + "\"");
    }

    @Test
    void aReviewAlreadyClosedTheSameWayIsConfirmedWithoutSendingItAgain() {
        rig.mock.enqueue(StripeRig.json(200, closedAs("approved")));
        assertThat(rig.delivery().deliver(StripeRig.entry("dec-10", REVIEW, DecisionAction.APPROVE, List.of())))
                .isInstanceOf(DeliveryOutcome.Confirmed.class);
        assertThat(rig.mock.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aReviewClosedAnotherWayIsAConflictNamingHowAndNothingIsSent() {
        rig.mock.enqueue(StripeRig.json(200, closedAs("disputed")));
        assertThat(rig.delivery().deliver(StripeRig.entry("dec-11", REVIEW, DecisionAction.DECLINE, List.of())))
                .isInstanceOfSatisfying(DeliveryOutcome.Conflict.class, conflict -> {
                    assertThat(conflict.message()).contains("already closed").contains("'disputed'");
                    assertThat(conflict.standingDecisionJson()).contains("\"closed_reason\":\"disputed\"");
                });
        assertThat(rig.mock.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRefundSomeoneElseAlreadyMadeIsAConflict() {
        rig.enqueue(200, "review_open.json");
        rig.enqueue(400, "error_400_already_refunded.json");
        assertThat(rig.delivery().deliver(StripeRig.entry("dec-12", REVIEW, DecisionAction.DECLINE, List.of())))
                .isInstanceOfSatisfying(DeliveryOutcome.Conflict.class,
                        conflict -> assertThat(conflict.message()).contains("already refunded"));
    }

    @Test
    void reversingADeclineAddsTheAllowlistEntriesToRadarAllowLists() throws Exception {
        rig.enqueue(200, "review_open.json");
        rig.enqueue(200, "value_list_item.json");
        rig.enqueue(200, "value_list_item.json");
        List<AllowlistEntry> allow = List.of(new AllowlistEntry("card_fingerprint", "Xt5EWLLDS7FJjR1c"),
                new AllowlistEntry("email", "jenny.rosen@example.com"));

        DeliveryOutcome outcome = rig.delivery().deliver(StripeRig.entry("dec-6", REVIEW, DecisionAction.REVERSE_DECLINE, allow));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Confirmed.class);
        List<RecordedRequest> sent = taken();
        assertThat(sent.get(1).getBody().readUtf8()).isEqualTo("value_list=" + StripeRig.ALLOW_CARDS + "&value=Xt5EWLLDS7FJjR1c");
        assertThat(sent.get(2).getBody().readUtf8()).isEqualTo("value_list=" + StripeRig.ALLOW_EMAILS
                + "&value=jenny.rosen%40example.com");
    }

    @Test
    void anAllowlistTypeWithoutAConfiguredListFailsBeforeAnythingIsSent() {
        DeliveryOutcome outcome = rig.delivery().deliver(StripeRig.entry("dec-7", REVIEW, DecisionAction.REVERSE_DECLINE,
                List.of(new AllowlistEntry("device", "dev_1"))));
        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Failed.class,
                failed -> assertThat(failed.reason()).contains("'device'").contains("allowLists"));
        assertThat(rig.mock.getRequestCount()).isZero();
    }

    @Test
    void holdStaysInTheConsoleAndUndoIsRefusedPlainly() {
        rig.enqueue(200, "review_open.json");
        assertThat(rig.delivery().deliver(StripeRig.entry("dec-8", REVIEW, DecisionAction.HOLD, List.of())))
                .isInstanceOfSatisfying(DeliveryOutcome.Confirmed.class,
                        ok -> assertThat(ok.answerJson()).contains("stays open in Stripe"));
        assertThat(rig.delivery().deliver(StripeRig.entry("dec-9", REVIEW, DecisionAction.UNDO, List.of())))
                .isInstanceOfSatisfying(DeliveryOutcome.Failed.class,
                        failed -> assertThat(failed.reason()).contains("cannot undo"));
        assertThat(rig.mock.getRequestCount()).isEqualTo(1);
    }
}
