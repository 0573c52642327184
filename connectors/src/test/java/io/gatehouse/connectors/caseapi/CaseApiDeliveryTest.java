package io.gatehouse.connectors.caseapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.DecisionPayload;
import io.gatehouse.data.review.DecisionRequest;
import io.gatehouse.data.review.DeliveryOutcome;
import io.gatehouse.data.review.DeliveryState;
import io.gatehouse.data.review.OutboxEntry;
import io.gatehouse.data.review.ReviewCase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Outbox delivery against the real sandbox: idempotent replay, conflicts and vanished cases. */
class CaseApiDeliveryTest {
    private static CaseApiSandbox sandbox;
    private static CaseApiClient client;
    private static List<ReviewCase> inReview;

    @BeforeAll
    static void start() {
        sandbox = new CaseApiSandbox();
        client = sandbox.client();
        inReview = client.list(CaseFilter.all().withStatus(CaseStatus.REVIEW).withLimit(20), null).cases();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static OutboxEntry entry(String key, String caseId, DecisionAction action, String analyst) {
        String payload = DecisionPayload.write(new DecisionRequest(action, "checked", analyst, List.of(), null));
        Instant now = Instant.parse("2026-03-02T03:00:00Z");
        return new OutboxEntry(1, key, caseId, action.value(), payload, DeliveryState.PENDING, 0, now, now, now, null, null);
    }

    @Test
    void theSameEntryDeliveredTwiceTakesEffectOnce() {
        String caseId = inReview.get(0).id();
        OutboxEntry entry = entry("key-replay-1", caseId, DecisionAction.APPROVE, "alice");
        DeliveryOutcome first = sandbox.delivery().deliver(entry);
        DeliveryOutcome again = sandbox.delivery().deliver(entry);
        assertThat(first).isInstanceOf(DeliveryOutcome.Confirmed.class);
        assertThat(again).isInstanceOf(DeliveryOutcome.Confirmed.class);
        assertThat(((DeliveryOutcome.Confirmed) again).answerJson()).isEqualTo(((DeliveryOutcome.Confirmed) first).answerJson());
        ReviewCase upstream = client.get(caseId);
        assertThat(upstream.decisions()).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo(DecisionAction.APPROVE);
            assertThat(d.analyst()).isEqualTo("alice");
        });
    }

    @Test
    void aDifferentDecisionOnADecidedCaseIsAConflictCarryingTheStandingOne() {
        String caseId = inReview.get(1).id();
        assertThat(sandbox.delivery().deliver(entry("key-c-1", caseId, DecisionAction.APPROVE, "alice")))
                .isInstanceOf(DeliveryOutcome.Confirmed.class);
        DeliveryOutcome outcome = sandbox.delivery().deliver(entry("key-c-2", caseId, DecisionAction.DECLINE, "bob"));
        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Conflict.class, conflict -> {
            assertThat(conflict.message()).contains("409").contains("case-already-decided");
            assertThat(conflict.standingDecisionJson()).contains("\"action\":\"approve\"").contains("\"analyst\":\"alice\"");
        });
    }

    @Test
    void aDecisionForACaseThatNoLongerExistsFailsWithItsReason() {
        DeliveryOutcome outcome = sandbox.delivery().deliver(entry("key-gone", "case_9999999999", DecisionAction.APPROVE, "alice"));
        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Failed.class,
                failed -> assertThat(failed.reason()).contains("404").contains("not-found"));
    }

    @Test
    void anUnreadablePayloadFailsWithoutCallingUpstream() {
        OutboxEntry broken = new OutboxEntry(1, "key-broken", inReview.get(2).id(), "approve", "{not json",
                DeliveryState.PENDING, 0, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null, null);
        assertThat(sandbox.delivery().deliver(broken)).isInstanceOf(DeliveryOutcome.Failed.class);
        assertThat(client.get(inReview.get(2).id()).decisions()).isEmpty();
    }
}
