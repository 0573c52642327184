package io.gatehouse.views.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.audit.AuditEntry;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.operator.Role;
import io.gatehouse.views.testing.FixedSession;
import io.gatehouse.views.testing.InMemoryAuditReader;
import io.gatehouse.views.testing.SameThreadTaskExecutor;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditLogViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");

    private final InMemoryAuditReader reader = InMemoryAuditReader.sample();
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private final List<Throwable> errors = new ArrayList<>();

    private AuditLogViewModel viewModel(Role... roles) {
        return new AuditLogViewModel(reader, FixedSession.of("Test Operator", roles).operator(), tasks, errors::add,
                () -> ZoneId.of("Europe/Berlin"), InstantSource.fixed(NOW));
    }

    @Test
    void refreshListsEveryEntryNewestFirst() {
        AuditLogViewModel vm = viewModel(Role.LEAD);
        vm.refresh();

        assertThat(vm.entries()).extracting(AuditEntry::sequence).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void filtersBecomeTheQueryWithWholeDaysInTheDisplayZone() {
        AuditLogViewModel vm = viewModel(Role.LEAD);
        vm.actorProperty().set(" alice ");
        vm.actionProperty().set("");
        vm.subjectProperty().set("order");
        vm.fromProperty().set(LocalDate.of(2026, 11, 20));
        vm.toProperty().set(LocalDate.of(2026, 11, 21));

        AuditQuery query = vm.query();

        assertThat(query.actorId()).isEqualTo("alice");
        assertThat(query.action()).isNull();
        assertThat(query.subjectContains()).isEqualTo("order");
        assertThat(query.from()).isEqualTo(Instant.parse("2026-11-19T23:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-11-21T23:00:00Z"));

        vm.refresh();
        assertThat(vm.entries()).extracting(AuditEntry::sequence).containsExactly(4L, 1L);
    }

    @Test
    void aReversedRangeIsFlaggedAndNotQueried() {
        AuditLogViewModel vm = viewModel(Role.LEAD);
        vm.fromProperty().set(LocalDate.of(2026, 11, 22));
        vm.toProperty().set(LocalDate.of(2026, 11, 20));

        vm.refresh();

        assertThat(vm.rangeReversedProperty().get()).isTrue();
        assertThat(reader.queries).isEmpty();
    }

    @Test
    void clearingFiltersShowsEverythingAgain() {
        AuditLogViewModel vm = viewModel(Role.LEAD);
        vm.actorProperty().set("carol");
        vm.refresh();
        assertThat(vm.entries()).hasSize(1);

        vm.clearFilters();

        assertThat(vm.entries()).hasSize(5);
        assertThat(vm.actorProperty().get()).isEmpty();
    }

    @Test
    void verifyReportsProgressAndAnIntactChain() {
        AuditLogViewModel vm = viewModel(Role.KEY_CUSTODIAN);
        List<Long> seen = new ArrayList<>();
        vm.checkedProperty().addListener((obs, before, now) -> seen.add(now.longValue()));

        vm.verify();

        assertThat(vm.verifyStateProperty().get()).isEqualTo(VerifyState.INTACT);
        assertThat(vm.verificationProperty().get().count()).isEqualTo(5);
        assertThat(vm.verifiedAtProperty().get()).isEqualTo(NOW);
        assertThat(seen).contains(1L, 5L);
        assertThat(vm.totalProperty().get()).isEqualTo(5);
    }

    @Test
    void aBrokenChainNamesTheEntry() {
        reader.brokenAt = 3L;
        AuditLogViewModel vm = viewModel(Role.LEAD);

        vm.verify();

        assertThat(vm.verifyStateProperty().get()).isEqualTo(VerifyState.BROKEN);
        assertThat(vm.verificationProperty().get().firstBrokenSequence()).isEqualTo(3L);
    }

    @Test
    void cancellingStopsTheWalkAndSaysSo() {
        AuditLogViewModel vm = viewModel(Role.LEAD);
        vm.checkedProperty().addListener((obs, before, now) -> {
            if (now.longValue() == 2) {
                vm.cancelVerify();
            }
        });

        vm.verify();

        assertThat(vm.verifyStateProperty().get()).isEqualTo(VerifyState.CANCELLED);
        assertThat(vm.verificationProperty().get()).isNull();
        assertThat(errors).isEmpty();
        assertThat(vm.canVerifyProperty().get()).isTrue();
    }

    @Test
    void anOperatorWithoutTheVerifyPermissionCannotStartIt() {
        AuditLogViewModel vm = viewModel(Role.ANALYST);

        vm.verify();

        assertThat(vm.canVerifyProperty().get()).isFalse();
        assertThat(vm.verifyStateProperty().get()).isEqualTo(VerifyState.IDLE);
    }

    @Test
    void failuresGoToTheOneErrorPath() {
        reader.failure = new GatehouseException(FailureKind.LOCAL_STORE, "locked");
        AuditLogViewModel vm = viewModel(Role.LEAD);

        vm.refresh();
        vm.verify();

        assertThat(errors).hasSize(2);
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.verifyStateProperty().get()).isEqualTo(VerifyState.FAILED);
    }
}
