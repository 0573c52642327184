package io.gatehouse.views.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.DecisionRefusedException;
import io.gatehouse.data.review.DeliveryState;
import io.gatehouse.data.review.Money;
import io.gatehouse.views.testing.InMemoryReviewDesk;
import io.gatehouse.views.testing.SameThreadTaskExecutor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewDeskViewModelTest {
    private final InMemoryReviewDesk desk = InMemoryReviewDesk.sample();
    private final List<Throwable> errors = new ArrayList<>();
    private final ReviewDeskViewModel vm = new ReviewDeskViewModel(desk, new SameThreadTaskExecutor(), errors::add);

    @Test
    void refreshListsTheCasesInReviewWithTheirDeliveryState() {
        desk.delivered("case_1006", DeliveryState.CONFIRMED);

        vm.refresh();

        assertThat(vm.rows()).extracting(QueueRow::id)
                .containsExactly("case_1007", "case_1006", "case_1005", "case_1004", "case_1003");
        assertThat(vm.rows().get(1).deliveryProperty().get()).isEqualTo(RowDelivery.CONFIRMED);
        assertThat(vm.rows().get(0).deliveryProperty().get()).isEqualTo(RowDelivery.NONE);
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.hasMoreProperty().get()).isFalse();
    }

    @Test
    void theStatusFilterReadsTheQueueAgain() {
        vm.refresh();
        vm.statusProperty().set(StatusChoice.AUTO_DECLINED);
        assertThat(vm.rows()).extracting(QueueRow::id).containsExactly("case_1002");

        vm.statusProperty().set(StatusChoice.ALL);
        assertThat(vm.rows()).hasSize(7);
    }

    @Test
    void loadMoreFollowsTheCursor() {
        for (int i = 0; i < ReviewDeskViewModel.PAGE; i++) {
            desk.cases.add(InMemoryReviewDesk.sampleCase("case_x" + i, CaseStatus.REVIEW, Instant.parse("2026-11-01T00:00:00Z"),
                    new Money(100, "EUR"), 5, "normal", List.of(), "DE", "DE", "DE", "DE"));
        }
        vm.refresh();
        assertThat(vm.rows()).hasSize(ReviewDeskViewModel.PAGE);
        assertThat(vm.hasMoreProperty().get()).isTrue();

        vm.loadMore();

        assertThat(vm.rows()).hasSize(ReviewDeskViewModel.PAGE + 5);
        assertThat(vm.hasMoreProperty().get()).isFalse();
        assertThat(desk.cursors).containsExactly("", Integer.toString(ReviewDeskViewModel.PAGE));
    }

    @Test
    void refreshKeepsTheSelection() {
        vm.refresh();
        assertThat(vm.selectedProperty().get().id()).as("the first case is ready for triage").isEqualTo("case_1007");
        vm.next();
        vm.next();
        assertThat(vm.selectedProperty().get().id()).isEqualTo("case_1005");

        vm.refresh();

        assertThat(vm.selectedProperty().get().id()).isEqualTo("case_1005");
        assertThat(vm.selectedProperty().get()).isSameAs(vm.rows().get(2));
    }

    @Test
    void nextAndPreviousStayInsideTheQueue() {
        vm.refresh();
        vm.previous();
        assertThat(vm.selectedProperty().get().id()).isEqualTo("case_1007");
        vm.previous();
        assertThat(vm.selectedProperty().get().id()).isEqualTo("case_1007");
        for (int i = 0; i < 10; i++) {
            vm.next();
        }
        assertThat(vm.selectedProperty().get().id()).isEqualTo("case_1003");
    }

    @Test
    void eachKeyActionReachesTheDeskAndUpdatesTheRow() {
        vm.refresh();
        vm.next();
        vm.approve();
        vm.next();
        vm.decline();
        vm.next();
        vm.hold();
        vm.next();
        vm.escalate();

        assertThat(desk.decisions).extracting(InMemoryReviewDesk.Decision::action).containsExactly(
                DecisionAction.APPROVE, DecisionAction.DECLINE, DecisionAction.HOLD, DecisionAction.ESCALATE);
        assertThat(vm.rows().get(0).deliveryProperty().get()).isEqualTo(RowDelivery.NONE);
        assertThat(vm.rows().get(1).deliveryProperty().get()).isEqualTo(RowDelivery.PENDING);
        assertThat(vm.lastDecisionProperty().get())
                .isEqualTo(new ReviewDeskViewModel.Decided("case_1003", DecisionAction.ESCALATE, RowDelivery.PENDING));
        assertThat(errors).isEmpty();
    }

    @Test
    void aReversalAsksForAReasonAndRefusesABlankOne() {
        vm.statusProperty().set(StatusChoice.AUTO_DECLINED);
        vm.next();
        vm.requestReversal();
        assertThat(vm.reasonRequestedProperty().get()).isTrue();

        vm.reverse("   ");
        assertThat(vm.reasonMissingProperty().get()).isTrue();
        assertThat(desk.decisions).isEmpty();

        vm.reverse(" Customer called; verified by phone ");
        assertThat(vm.reasonRequestedProperty().get()).isFalse();
        assertThat(desk.decisions).containsExactly(new InMemoryReviewDesk.Decision("case_1002",
                DecisionAction.REVERSE_DECLINE, "Customer called; verified by phone"));
    }

    @Test
    void nothingIsDecidedWithoutASelection() {
        vm.approve();
        vm.requestReversal();

        assertThat(desk.decisions).isEmpty();
        assertThat(vm.reasonRequestedProperty().get()).isFalse();
    }

    @Test
    void aRefusedDecisionGoesToTheErrorPathAndLeavesTheRow() {
        desk.failDecisions = new DecisionRefusedException("Case already decided upstream.");
        vm.refresh();
        vm.next();

        vm.approve();

        assertThat(errors).singleElement().isSameAs(desk.failDecisions);
        assertThat(vm.rows().get(1).deliveryProperty().get()).isEqualTo(RowDelivery.NONE);
        assertThat(vm.decidingProperty().get()).isFalse();
    }
}
