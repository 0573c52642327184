package io.gatehouse.connectors.caseapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.audit.AuditEntry;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.audit.VerifyProgress;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.review.CaseClaim;
import io.gatehouse.data.operator.FreshProofRequiredException;
import io.gatehouse.data.operator.PermissionDeniedException;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.review.ApprovalStatus;
import io.gatehouse.data.review.CaseClaimedException;
import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.DecisionOptions;
import io.gatehouse.data.review.DecisionOutbox;
import io.gatehouse.data.review.DecisionRefusedException;
import io.gatehouse.data.review.DecisionRequest;
import io.gatehouse.data.review.DecisionResult;
import io.gatehouse.data.review.DeliveryOutcome;
import io.gatehouse.data.review.DeliveryState;
import io.gatehouse.data.review.FourEyesPolicy;
import io.gatehouse.data.review.FourEyesViolationException;
import io.gatehouse.data.review.OutboxEntry;
import io.gatehouse.data.review.OutboxSender;
import io.gatehouse.data.review.PendingApproval;
import io.gatehouse.data.review.RetryPolicy;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.data.review.ReviewDesk;
import io.gatehouse.data.review.ReviewRules;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.TestOperators;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review desk's rules end to end: local store and outbox, the real sandbox upstream. */
class ReviewDeskOnSandboxTest {
    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private CaseApiSandbox sandbox;
    private CaseApiClient client;
    private LocalStore store;
    private DecisionOutbox outbox;
    private OutboxSender sender;
    private ScheduledExecutorService scheduler;

    @BeforeEach
    void open() {
        sandbox = new CaseApiSandbox();
        client = sandbox.client();
        store = LocalStore.open(tmp.resolve("data"));
        outbox = new DecisionOutbox(store, clock);
        scheduler = Executors.newSingleThreadScheduledExecutor();
        sender = new OutboxSender(outbox, sandbox.delivery(), clock,
                RetryPolicy.standard(RandomGenerator.of("L64X128MixRandom")), scheduler);
    }

    @AfterEach
    void close() {
        sender.close();
        scheduler.shutdownNow();
        store.close();
        sandbox.close();
    }

    private LocalOperatorSession session(String id, Role... roles) {
        return new LocalOperatorSession(TestOperators.operator(id, roles), clock,
                candidate -> Arrays.equals(candidate, TestOperators.PASSPHRASE));
    }

    private ReviewDesk desk(LocalOperatorSession session, ReviewRules rules) {
        return new ReviewDesk(client, store, new AuditLog(store, session, clock), outbox, sender, session, clock, rules);
    }

    private ReviewDesk desk(String id, Role... roles) {
        return desk(session(id, roles), ReviewRules.defaults());
    }

    /** Runs after the drain the desk kicked off, on the sender's own thread: one full pass, no sleeping. */
    private void drain() throws Exception {
        scheduler.submit(sender::drainDue).get();
    }

    private OutboxEntry delivered(DecisionResult result) throws Exception {
        drain();
        String key = ((DecisionResult.Queued) result).entry().idempotencyKey();
        return outbox.find(key).orElseThrow();
    }

    private List<ReviewCase> cases(CaseStatus status) {
        return client.list(CaseFilter.all().withStatus(status).withLimit(20), null).cases();
    }

    private List<AuditEntry> audit(String action) {
        return new AuditLog(store, TestOperators.lead(clock), clock).find(new AuditQuery(null, action, null, null, null, 100));
    }

    @Test
    void aDecisionIsAuditedQueuedAndConfirmedUpstreamOnce() throws Exception {
        String caseId = cases(CaseStatus.REVIEW).getFirst().id();
        DecisionResult result = desk("alice", Role.ANALYST).decide(caseId, DecisionAction.APPROVE, "known customer",
                DecisionOptions.none());
        assertThat(result).isInstanceOf(DecisionResult.Queued.class);
        OutboxEntry entry = delivered(result);
        assertThat(entry.state()).isEqualTo(DeliveryState.CONFIRMED);
        assertThat(audit("case.decided")).singleElement().satisfies(e -> {
            assertThat(e.actorId()).isEqualTo("alice");
            assertThat(e.subject()).isEqualTo("case/" + caseId);
            assertThat(e.details()).containsEntry("action", "approve").containsEntry("idempotencyKey", entry.idempotencyKey());
        });
        // a crash after sending but before recording makes the sender send the same entry again
        assertThat(sandbox.delivery().deliver(entry)).isInstanceOf(DeliveryOutcome.Confirmed.class);
        assertThat(client.get(caseId).decisions()).singleElement()
                .satisfies(d -> assertThat(d.analyst()).isEqualTo("alice"));
        assertThat(new AuditLog(store, TestOperators.lead(clock), clock).verify(VerifyProgress.NONE).intact()).isTrue();
    }

    @Test
    void aDifferentDecisionOnADecidedCaseEndsInConflictWithTheStandingOne() throws Exception {
        String caseId = cases(CaseStatus.REVIEW).get(1).id();
        client.decide(caseId, new DecisionRequest(DecisionAction.APPROVE, "fine", "bob", List.of(), null), "elsewhere-1");
        OutboxEntry entry = delivered(desk("alice", Role.ANALYST).decide(caseId, DecisionAction.DECLINE, "stolen card",
                DecisionOptions.none()));
        assertThat(entry.state()).isEqualTo(DeliveryState.CONFLICT);
        assertThat(entry.upstreamAnswer()).contains("\"action\":\"approve\"").contains("\"analyst\":\"bob\"");
        assertThat(entry.lastError()).contains("case-already-decided");
    }

    @Test
    void aReversalWithoutAReasonIsRefusedAndLeavesNoTrace() {
        String caseId = cases(CaseStatus.AUTO_DECLINED).getFirst().id();
        ReviewDesk desk = desk("alice", Role.ANALYST);
        assertThatThrownBy(() -> desk.decide(caseId, DecisionAction.REVERSE_DECLINE, "   ", DecisionOptions.none()))
                .isInstanceOf(DecisionRefusedException.class).hasMessageContaining("needs a reason");
        assertThat(outbox.forCase(caseId)).isEmpty();
        assertThat(audit(null)).isEmpty();
        assertThat(client.get(caseId).status()).isEqualTo(CaseStatus.AUTO_DECLINED);
    }

    @Test
    void aMakerCannotApproveTheirOwnReversalEvenHoldingBothRolesButAnotherCheckerCan() throws Exception {
        String caseId = cases(CaseStatus.AUTO_DECLINED).getFirst().id();
        // no thresholds: every reversal needs a second person
        ReviewRules strict = new ReviewRules(new FourEyesPolicy(Map.of()), Duration.ofMinutes(15));
        ReviewDesk maker = desk(session("alice", Role.ANALYST, Role.LEAD), strict);
        LocalOperatorSession bob = session("bob", Role.LEAD);
        ReviewDesk checker = desk(bob, strict);

        DecisionResult filed = maker.decide(caseId, DecisionAction.REVERSE_DECLINE, "customer verified by phone",
                DecisionOptions.none());
        PendingApproval approval = ((DecisionResult.AwaitingSecondPerson) filed).approval();
        assertThat(approval.maker()).isEqualTo("alice");
        assertThat(outbox.forCase(caseId)).isEmpty();

        assertThatThrownBy(() -> maker.approve(approval.id(), "me again"))
                .isInstanceOf(FourEyesViolationException.class).hasMessageContaining("alice");
        // refused in the domain: the upstream never saw an approval attempt
        assertThat(client.approval(approval.id()).status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(audit("approval.self-check.refused")).hasSize(1);

        // the checker steps up first: a stale or missing proof of presence is refused before anything is sent
        assertThatThrownBy(() -> checker.approve(approval.id(), "call recording checked"))
                .isInstanceOf(FreshProofRequiredException.class);
        assertThat(client.approval(approval.id()).status()).isEqualTo(ApprovalStatus.PENDING);
        bob.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
        OutboxEntry entry = delivered(checker.approve(approval.id(), "call recording checked"));
        assertThat(entry.state()).isEqualTo(DeliveryState.CONFIRMED);
        assertThat(client.approval(approval.id()).checker()).isEqualTo("bob");
        ReviewCase upstream = client.get(caseId);
        assertThat(upstream.decision().action()).isEqualTo(DecisionAction.REVERSE_DECLINE);
        assertThat(upstream.decision().analyst()).isEqualTo("alice");
        assertThat(audit("case.decided.four-eyes")).singleElement().satisfies(e -> {
            assertThat(e.actorId()).isEqualTo("bob");
            assertThat(e.details()).containsEntry("maker", "alice").containsEntry("checker", "bob")
                    .containsEntry("approval", approval.id());
        });
        // approving again finds the request resolved and does not queue a second decision
        LocalOperatorSession carol = session("carol", Role.LEAD);
        carol.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
        assertThatThrownBy(() -> desk(carol, strict).approve(approval.id(), null))
                .isInstanceOf(DecisionRefusedException.class).hasMessageContaining("approved");
        assertThat(outbox.forCase(caseId)).hasSize(1);
    }

    @Test
    void aReversalUnderItsCurrencysThresholdGoesStraightToTheOutbox() throws Exception {
        ReviewCase declined = cases(CaseStatus.AUTO_DECLINED).getFirst();
        ReviewRules lenient = new ReviewRules(new FourEyesPolicy(Map.of(declined.amount().currency(), Long.MAX_VALUE)),
                Duration.ofMinutes(15));
        OutboxEntry entry = delivered(desk(session("alice", Role.ANALYST), lenient).decide(declined.id(),
                DecisionAction.REVERSE_DECLINE, "false positive", DecisionOptions.none()));
        assertThat(entry.state()).isEqualTo(DeliveryState.CONFIRMED);
        assertThat(client.get(declined.id()).decision().action()).isEqualTo(DecisionAction.REVERSE_DECLINE);
    }

    @Test
    void undoWorksInsideTheWindowAndIsRefusedAfterIt() throws Exception {
        List<ReviewCase> review = cases(CaseStatus.REVIEW);
        ReviewDesk desk = desk("alice", Role.ANALYST);
        String first = review.get(2).id();
        delivered(desk.decide(first, DecisionAction.DECLINE, "mule account", DecisionOptions.none()));
        clock.advance(Duration.ofMinutes(5));
        OutboxEntry undo = delivered(desk.undo(first, "wrong case"));
        assertThat(undo.state()).isEqualTo(DeliveryState.CONFIRMED);
        assertThat(client.get(first).status()).isEqualTo(CaseStatus.REVIEW);
        assertThat(audit("case.undone")).singleElement().satisfies(e -> assertThat(e.details()).containsKey("undoes"));

        String second = review.get(3).id();
        delivered(desk.decide(second, DecisionAction.DECLINE, "mule account", DecisionOptions.none()));
        clock.advance(Duration.ofMinutes(16));
        assertThatThrownBy(() -> desk.undo(second, "too late"))
                .isInstanceOf(DecisionRefusedException.class).hasMessageContaining("Too late");
        assertThatThrownBy(() -> desk("bob", Role.ANALYST).undo(first, "not mine"))
                .isInstanceOf(DecisionRefusedException.class);
    }

    @Test
    void aClaimHeldByAnotherAnalystNamesThem() {
        String caseId = cases(CaseStatus.REVIEW).get(4).id();
        desk("bob", Role.ANALYST).claim(caseId, Duration.ofMinutes(30));
        assertThatThrownBy(() -> desk("alice", Role.ANALYST).claim(caseId, null))
                .isInstanceOfSatisfying(CaseClaimedException.class, e -> assertThat(e.holder()).isEqualTo("bob"))
                .hasMessageContaining("claimed by bob");
    }

    @Test
    void aCasesHistoryHoldsItsOwnAuditEntriesOnlyNewestFirst() {
        List<ReviewCase> inReview = cases(CaseStatus.REVIEW);
        String caseId = inReview.get(1).id();
        ReviewDesk alice = desk("alice", Role.ANALYST);
        alice.claim(caseId, Duration.ofMinutes(5));
        alice.addNote(caseId, "asked the customer for a call");
        alice.claim(caseId, Duration.ofMinutes(5)); // the desk renewing the open case's lease
        alice.claim(inReview.get(2).id(), Duration.ofMinutes(5));

        assertThat(alice.history(caseId)).as("taking the case is recorded, renewing its lease is not")
                .extracting(AuditEntry::action).containsExactly("case.note.added", "case.claimed");
        assertThat(alice.history(caseId)).allSatisfy(e -> assertThat(e.subject()).isEqualTo("case/" + caseId));
        clock.advance(Duration.ofMinutes(6));
        alice.claim(caseId, Duration.ofMinutes(5));
        assertThat(alice.history(caseId)).as("a claim taken again after the last one lapsed is a new claim")
                .extracting(AuditEntry::action).containsExactly("case.claimed", "case.note.added", "case.claimed");
        assertThatThrownBy(() -> desk("eve", Role.EXECUTIVE_VIEWER).history(caseId))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void aLeadAssignsACaseByTakingTheLeaseInTheAnalystsName() {
        String caseId = cases(CaseStatus.REVIEW).get(3).id();
        assertThatThrownBy(() -> desk("alice", Role.ANALYST).assign(caseId, "bob", Duration.ofMinutes(30)))
                .isInstanceOf(PermissionDeniedException.class);

        CaseClaim claim = desk("dana", Role.LEAD).assign(caseId, "bob", Duration.ofMinutes(30));

        assertThat(claim.holder()).isEqualTo("bob");
        assertThatThrownBy(() -> desk("alice", Role.ANALYST).claim(caseId, Duration.ofMinutes(5)))
                .isInstanceOfSatisfying(CaseClaimedException.class, e -> assertThat(e.holder()).isEqualTo("bob"));
        assertThat(audit("case.assigned")).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("assignee", "bob"));
    }

    @Test
    void bulkDecisionsNeedTheirOwnPermissionAndAreAuditedAtStartAndEnd() {
        assertThat(desk("alice", Role.ANALYST).mayDecideInBulk()).isFalse();
        assertThatThrownBy(() -> desk("alice", Role.ANALYST).startBulk(DecisionAction.APPROVE, 3))
                .isInstanceOf(PermissionDeniedException.class);
        ReviewDesk lead = desk("dana", Role.LEAD);
        assertThat(lead.mayDecideInBulk()).isTrue();
        assertThatThrownBy(() -> lead.startBulk(DecisionAction.REVERSE_DECLINE, 3))
                .isInstanceOf(DecisionRefusedException.class).hasMessageContaining("one by one");

        lead.startBulk(DecisionAction.APPROVE, 3);
        lead.finishBulk(DecisionAction.APPROVE, 2, 1, 0, false);

        assertThat(audit("cases.bulk.started")).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("count", "3").containsEntry("action", "approve"));
        assertThat(audit("cases.bulk.finished")).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("done", "2").containsEntry("failed", "1"));
    }

    @Test
    void everyDeskActionChecksThePermission() {
        ReviewDesk viewer = desk("eve", Role.EXECUTIVE_VIEWER);
        assertThatThrownBy(() -> viewer.list(CaseFilter.all(), null)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> viewer.decide("case_1", DecisionAction.APPROVE, "x", DecisionOptions.none()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> desk("alice", Role.ANALYST).approve("apr_1", null))
                .isInstanceOf(PermissionDeniedException.class);
    }
}
