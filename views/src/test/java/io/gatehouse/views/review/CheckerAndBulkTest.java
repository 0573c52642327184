package io.gatehouse.views.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.review.ApprovalStatus;
import io.gatehouse.data.review.CaseClaim;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.Money;
import io.gatehouse.data.review.PendingApproval;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.views.testing.InMemoryReviewDesk;
import io.gatehouse.views.testing.SameThreadTaskExecutor;
import io.gatehouse.views.testing.TestConsole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker inbox, the maker's four-eyes reversal and bulk decisions, through the view models. */
class CheckerAndBulkTest {
    private final ManualClock clock = new ManualClock(TestConsole.NOW);
    private final InMemoryReviewDesk desk = InMemoryReviewDesk.sample();
    private final List<Throwable> errors = new ArrayList<>();
    private final ReviewDeskViewModel vm;

    CheckerAndBulkTest() {
        desk.clock = clock;
        vm = new ReviewDeskViewModel(desk, new SameThreadTaskExecutor(), errors::add, clock, null);
    }

    private PendingApproval filedBy(String maker) {
        PendingApproval approval = new PendingApproval("apr_" + maker, "decision", "case_1002",
                "Reverse the automated decline of case_1002 (890.00 EUR)", "{}", maker, clock.instant(),
                ApprovalStatus.PENDING, null, null, null);
        desk.approvals.add(approval);
        return approval;
    }

    @Test
    void theMakerOfABigReversalSeesItWaitForASecondPerson() {
        desk.fourEyesAbove = 50_000;
        vm.statusProperty().set(StatusChoice.AUTO_DECLINED);
        vm.requestReversal();
        vm.reverse("Customer verified by phone");

        ReviewDeskViewModel.Decided done = vm.lastDecisionProperty().get();
        assertThat(done.delivery()).isEqualTo(RowDelivery.AWAITING_SECOND_PERSON);
        assertThat(done.approvalId()).isEqualTo(desk.approvals.getFirst().id());
        assertThat(desk.decisions).isEmpty();
    }

    @Test
    void aCheckerApprovesWithAReasonAndAFreshProof() {
        filedBy("alice");
        CheckerInboxViewModel inbox = vm.inbox();
        inbox.refresh();
        assertThat(inbox.approvals()).hasSize(1);

        inbox.approve("  ", InMemoryReviewDesk.PASSPHRASE.clone());
        assertThat(inbox.reasonMissingProperty().get()).isTrue();
        char[] wrong = "guess".toCharArray();
        inbox.approve("Recording checked", wrong);
        assertThat(wrong).containsOnly('\0');
        assertThat(inbox.outcomeProperty().get().kind()).isEqualTo(CheckerInboxViewModel.Outcome.Kind.REFUSED);
        assertThat(inbox.outcomeProperty().get().refusal()).contains("passphrase is not right");
        assertThat(desk.decisions).isEmpty();

        inbox.approve("Recording checked", InMemoryReviewDesk.PASSPHRASE.clone());

        assertThat(inbox.outcomeProperty().get().kind()).isEqualTo(CheckerInboxViewModel.Outcome.Kind.APPROVED);
        assertThat(desk.decisions).containsExactly(new InMemoryReviewDesk.Decision("case_1002",
                DecisionAction.REVERSE_DECLINE, "Recording checked"));
        assertThat(inbox.approvals()).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void aMakerCannotCheckTheirOwnRequestAndIsToldWhyInTheDesksWords() {
        filedBy("dana");
        CheckerInboxViewModel inbox = vm.inbox();
        inbox.refresh();

        inbox.reject("Looks fine to me", InMemoryReviewDesk.PASSPHRASE.clone());

        assertThat(inbox.outcomeProperty().get().refusal()).contains("cannot also approve or reject it");
        assertThat(inbox.approvals()).hasSize(1);
    }

    @Test
    void aBulkRunCoversTheWholeFilteredSetNotOnlyTheRowsRead() {
        for (int i = 0; i < 60; i++) {
            desk.cases.add(InMemoryReviewDesk.sampleCase("case_b" + i, CaseStatus.REVIEW, clock.instant().minus(Duration.ofDays(5)),
                    new Money(100, "EUR"), 5, "normal", List.of(), "DE", "DE", "DE", "DE"));
        }
        desk.claims.put("case_b3", new CaseClaim("case_b3", "bob", "e", clock.instant(), clock.instant().plus(Duration.ofHours(1))));
        vm.refresh();
        assertThat(vm.rows()).hasSize(ReviewDeskViewModel.PAGE);
        desk.released.clear();

        vm.previewBulk(DecisionAction.HOLD);

        BulkDecisionViewModel bulk = vm.bulk();
        assertThat(bulk.phaseProperty().get()).isEqualTo(BulkDecisionViewModel.Phase.PREVIEW);
        assertThat(bulk.matchingProperty().get()).as("5 sample cases and 59 new ones; the claimed one is skipped").isEqualTo(64);
        assertThat(bulk.skippedInPreviewProperty().get()).isEqualTo(1);
        assertThat(desk.decisions).as("a preview decides nothing").isEmpty();

        bulk.confirm();

        assertThat(bulk.phaseProperty().get()).isEqualTo(BulkDecisionViewModel.Phase.DONE);
        assertThat(desk.decisions).hasSize(64).allSatisfy(d -> assertThat(d.action()).isEqualTo(DecisionAction.HOLD));
        BulkDecisionViewModel.Summary summary = bulk.summaryProperty().get();
        assertThat(summary.done()).isEqualTo(64);
        assertThat(summary.skipped()).isEqualTo(1);
        assertThat(summary.cancelled()).isFalse();
        assertThat(bulk.progressProperty().get()).isEqualTo(1.0);
        assertThat(desk.bulkLog).containsExactly("start hold 64", "finish 64/0/1");
    }

    @Test
    void cancellingStopsBetweenDecisionsAndKeepsTheOnesTaken() {
        vm.refresh();
        vm.previewBulk(DecisionAction.APPROVE);
        assertThat(vm.bulk().matchingProperty().get()).isEqualTo(5);
        desk.beforeDecide = () -> {
            if (desk.decisions.size() == 2) {
                vm.bulk().cancel();
            }
        };

        vm.bulk().confirm();

        BulkDecisionViewModel.Summary summary = vm.bulk().summaryProperty().get();
        assertThat(summary.cancelled()).isTrue();
        assertThat(summary.done()).isEqualTo(3);
        assertThat(summary.skipped()).isEqualTo(2);
        assertThat(desk.decisions).hasSize(3);
        assertThat(desk.bulkLog).containsExactly("start approve 5", "finish 3/0/2 cancelled");
    }

    @Test
    void aFailedCaseIsCountedAndTheRunGoesOn() {
        vm.refresh();
        vm.previewBulk(DecisionAction.DECLINE);
        desk.beforeDecide = () -> {
            if (desk.decisions.size() == 1) {
                desk.beforeDecide = () -> { };
                throw new io.gatehouse.data.review.DecisionRefusedException("Case gone upstream.");
            }
        };

        vm.bulk().confirm();

        BulkDecisionViewModel.Summary summary = vm.bulk().summaryProperty().get();
        assertThat(summary.done()).isEqualTo(4);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.firstFailure()).contains("Case gone upstream.");
    }

    @Test
    void withoutTheBulkPermissionNothingIsCounted() {
        desk.bulkAllowed = false;
        vm.refresh();

        vm.previewBulk(DecisionAction.APPROVE);

        assertThat(vm.bulk().phaseProperty().get()).isEqualTo(BulkDecisionViewModel.Phase.IDLE);
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("bulk permission"));
        assertThat(desk.bulkLog).isEmpty();
    }
}
