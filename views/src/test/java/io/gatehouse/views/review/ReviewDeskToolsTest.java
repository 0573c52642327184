package io.gatehouse.views.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.files.SafeFileWriter;
import io.gatehouse.data.review.CaseClaim;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.DeliveryState;
import io.gatehouse.data.review.DeskViewStore;
import io.gatehouse.data.review.Money;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.views.testing.InMemoryReviewDesk;
import io.gatehouse.views.testing.SameThreadTaskExecutor;
import io.gatehouse.views.testing.TestConsole;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filters, saved views, SLA timers, claims, polling and notes of the Review desk's view model. */
class ReviewDeskToolsTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(TestConsole.NOW);
    private final InMemoryReviewDesk desk = InMemoryReviewDesk.sample();
    private final List<Throwable> errors = new ArrayList<>();
    private ReviewDeskViewModel vm;

    private ReviewDeskViewModel viewModel() {
        desk.clock = clock;
        vm = new ReviewDeskViewModel(desk, new SameThreadTaskExecutor(), errors::add, clock,
                new DeskViewStore(dir, desk.operatorId(), new SafeFileWriter(), clock));
        return vm;
    }

    private List<String> ids() {
        return vm.rows().stream().map(QueueRow::id).toList();
    }

    @Test
    void currencyAndAmountGoUpstreamInMinorUnits() {
        viewModel().refresh();
        vm.filterProperty().set(new QueueFilter(StatusChoice.REVIEW, null, null, "eur", new BigDecimal("500"), null, null,
                null, null, null, false, AgeChoice.ANY, DeliveryChoice.ANY));

        assertThat(vm.filter().currency()).isEqualTo("EUR");
        assertThat(vm.filter().minAmount()).isEqualTo(50_000L);
        assertThat(ids()).containsExactly("case_1007");
    }

    @Test
    void ageAndDeliveryStateAreAppliedToTheRowsRead() {
        desk.delivered("case_1003", DeliveryState.CONFIRMED);
        viewModel().refresh();

        vm.filterProperty().set(QueueFilter.inReview().withAge(AgeChoice.ONE_HOUR));
        assertThat(ids()).containsExactly("case_1005", "case_1004", "case_1003");

        vm.filterProperty().set(QueueFilter.inReview().withDelivery(DeliveryChoice.CONFIRMED));
        assertThat(ids()).containsExactly("case_1003");
    }

    @Test
    void openingACaseClaimsItAndMovingOnReleasesIt() {
        viewModel().refresh();
        assertThat(desk.claims).containsOnlyKeys("case_1007");
        assertThat(vm.claimProperty().get().kind()).isEqualTo(ClaimState.Kind.MINE);

        vm.next();

        assertThat(desk.released).containsExactly("case_1007");
        assertThat(desk.claims).containsOnlyKeys("case_1006");
        assertThat(vm.claimProperty().get().caseId()).isEqualTo("case_1006");
    }

    @Test
    void myCasesListsTheOperatorsLiveClaims() {
        viewModel().refresh();
        vm.next();
        vm.toggleMine();

        assertThat(vm.filter().assignee()).isEqualTo("dana");
        assertThat(ids()).containsExactly("case_1006");
        assertThat(vm.rows().getFirst().reviewCase().assignee()).isEqualTo("dana");

        vm.toggleMine();
        assertThat(ids()).hasSize(5);
    }

    @Test
    void aCaseClaimedByAColleagueNamesThemAndIsNotDecided() {
        desk.claims.put("case_1007", new CaseClaim("case_1007", "bob", "e1", clock.instant(), clock.instant().plus(Duration.ofMinutes(10))));
        viewModel().refresh();

        ClaimState state = vm.claimProperty().get();
        assertThat(state.kind()).isEqualTo(ClaimState.Kind.OTHER);
        assertThat(state.holder()).isEqualTo("bob");

        vm.approve();

        assertThat(desk.decisions).isEmpty();
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("claimed by bob"));
    }

    @Test
    void theClaimIsRenewedWhileTheAnalystWorksAndLapsesWhenIdle() {
        viewModel().refresh();
        CaseClaim first = desk.claims.get("case_1007");

        clock.advance(Duration.ofMinutes(3));
        vm.touch();
        clock.advance(Duration.ofSeconds(90));
        vm.tick();

        CaseClaim renewed = desk.claims.get("case_1007");
        assertThat(renewed.etag()).isNotEqualTo(first.etag());
        assertThat(renewed.expiresAt()).isAfter(first.expiresAt());

        clock.advance(CaseClaims.IDLE_LIMIT);
        vm.tick();

        assertThat(vm.claimProperty().get().kind()).isEqualTo(ClaimState.Kind.LAPSED);
        assertThat(desk.claims).isEmpty();

        vm.toggleClaim();
        assertThat(vm.claimProperty().get().kind()).isEqualTo(ClaimState.Kind.MINE);
    }

    @Test
    void aLeadAssignsTheCaseToAColleagueAndNoLongerHoldsIt() {
        viewModel().refresh();
        assertThat(desk.claims.get("case_1007").holder()).isEqualTo("dana");

        assertThat(vm.assign("  ")).isFalse();
        assertThat(vm.assign("bob")).isTrue();

        assertThat(desk.claims.get("case_1007").holder()).isEqualTo("bob");
        assertThat(desk.claims.get("case_1007").expiresAt()).isEqualTo(clock.instant().plus(CaseClaims.ASSIGN_TTL));
        ClaimState state = vm.claimProperty().get();
        assertThat(state.kind()).isEqualTo(ClaimState.Kind.OTHER);
        assertThat(state.holder()).isEqualTo("bob");
        vm.approve();
        assertThat(desk.decisions).as("an assigned case is the assignee's to decide").isEmpty();
    }

    @Test
    void theSlaTimerMovesOnTheInjectedClock() {
        Duration target = Duration.ofMinutes(30);
        var fresh = InMemoryReviewDesk.sampleCase("c", CaseStatus.REVIEW, clock.instant(), new Money(1, "EUR"), 1,
                "normal", List.of(), "DE", "DE", "DE", "DE");

        assertThat(SlaState.of(fresh, clock.instant().plus(Duration.ofMinutes(10)), target)).isEqualTo(SlaState.OK);
        assertThat(SlaState.of(fresh, clock.instant().plus(Duration.ofMinutes(22)), target)).isEqualTo(SlaState.OK);
        assertThat(SlaState.of(fresh, clock.instant().plus(Duration.ofMinutes(25)), target)).isEqualTo(SlaState.NEAR);
        assertThat(SlaState.of(fresh, clock.instant().plus(Duration.ofMinutes(30)), target)).isEqualTo(SlaState.BREACHED);
        var decided = InMemoryReviewDesk.sampleCase("d", CaseStatus.DECIDED, clock.instant(), new Money(1, "EUR"), 1,
                "normal", List.of(), "DE", "DE", "DE", "DE");
        assertThat(SlaState.of(decided, clock.instant().plus(Duration.ofHours(3)), target)).isEqualTo(SlaState.NONE);

        assertThat(SlaState.left(fresh, clock.instant().minus(Duration.ofMinutes(20)), target))
                .as("a case stamped ahead of the console's clock has the whole target left, no more").isEqualTo(target);
        assertThat(SlaState.left(fresh, clock.instant().plus(Duration.ofMinutes(40)), target)).isEqualTo(Duration.ofMinutes(-10));

        viewModel();
        clock.advance(Duration.ofSeconds(5));
        vm.tick();
        assertThat(vm.nowProperty().get()).isEqualTo(clock.instant());
    }

    @Test
    void newCasesArriveAboveWithoutMovingTheSelectionOrTheScrollPosition() {
        viewModel().refresh();
        vm.next();
        vm.next();
        QueueRow chosen = vm.selectedProperty().get();
        desk.released.clear();
        List<String> shownAtTop = new ArrayList<>();
        vm.setScrollKeeper(new ReviewDeskViewModel.ScrollKeeper() {
            @Override
            public String topCaseId() {
                return "case_1006";
            }

            @Override
            public void showAtTop(String caseId) {
                shownAtTop.add(caseId);
            }
        });
        desk.arrive(InMemoryReviewDesk.sampleCase("case_1008", CaseStatus.REVIEW, clock.instant(), new Money(1_000, "EUR"),
                40, "normal", List.of(), "DE", "DE", "DE", "DE"));

        clock.advance(Duration.ofSeconds(5));
        vm.tick();
        assertThat(ids()).as("not yet time to read again").doesNotContain("case_1008");

        clock.advance(ReviewDeskViewModel.POLL_EVERY);
        vm.tick();

        assertThat(ids()).startsWith("case_1008", "case_1007");
        // the selected case now shows this analyst's claim: same case, fresher row, still selected
        assertThat(vm.selectedProperty().get().id()).isEqualTo(chosen.id());
        assertThat(vm.selectedProperty().get().reviewCase().assignee()).isEqualTo("dana");
        assertThat(vm.rows()).contains(vm.selectedProperty().get());
        assertThat(desk.released).as("the claim is not dropped by a poll").isEmpty();
        assertThat(shownAtTop).containsExactly("case_1006");
        assertThat(errors).isEmpty();
    }

    @Test
    void aViewKeepsFilterAndSortAcrossConsolesOfTheSameOperator() {
        viewModel().refresh();
        vm.loadViews();
        QueueFilter eu = new QueueFilter(StatusChoice.ALL, "eu", "card", "EUR", new BigDecimal("10.50"), null, 60, null,
                "velocity_card", null, true, AgeChoice.FOUR_HOURS, DeliveryChoice.PROBLEM);
        vm.filterProperty().set(eu);
        vm.sortProperty().set(new ReviewDeskViewModel.Sort("riskColumn", false));
        vm.saveView("High risk EU");
        assertThat(errors).isEmpty();

        ReviewDeskViewModel again = viewModel();
        again.loadViews();
        assertThat(again.savedViews().views()).singleElement().satisfies(v -> assertThat(v.name()).isEqualTo("High risk EU"));

        again.applyView(again.savedViews().views().getFirst());
        assertThat(again.filterProperty().get()).isEqualTo(eu);
        assertThat(again.sortProperty().get()).isEqualTo(new ReviewDeskViewModel.Sort("riskColumn", false));

        again.deleteView("High risk EU");
        assertThat(again.savedViews().views()).isEmpty();
    }

    @Test
    void aViewNeedsAName() {
        viewModel().saveView("   ");
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("needs a name"));
    }

    @Test
    void notesAndHistoryFollowTheSelectedCase() {
        viewModel().refresh();
        assertThat(vm.notes().caseIdProperty().get()).isEqualTo("case_1007");

        assertThat(vm.notes().add("Called the customer")).isTrue();
        assertThat(vm.notes().add("   ")).isFalse();

        assertThat(vm.notes().notes()).extracting(n -> n.body()).containsExactly("Called the customer");
        assertThat(vm.notes().history()).extracting(e -> e.action()).containsExactly("case.note.added");

        vm.next();
        assertThat(vm.notes().notes()).isEmpty();
    }
}
