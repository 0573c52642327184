package io.gatehouse.views.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gatehouse.data.anomaly.AnomalyType;
import io.gatehouse.data.anomaly.Detection;
import io.gatehouse.data.anomaly.Signal;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.executive.RiskLevel;
import io.gatehouse.data.incidents.IncidentLog;
import io.gatehouse.data.incidents.Runbooks;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.KpiPoint;
import io.gatehouse.views.dashboard.DashboardViewModel.Dashboard;
import io.gatehouse.views.testing.FixedSession;
import io.gatehouse.views.testing.InMemoryTelemetry;
import io.gatehouse.views.testing.InMemoryTelemetry.RangeAsk;
import io.gatehouse.views.testing.SameThreadTaskExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The world view's data: stale cells, sparklines over the chosen range, risk, per-reason split and drill-down. */
class DashboardWorldViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");

    @TempDir
    Path dir;

    private final InMemoryTelemetry source = new InMemoryTelemetry();
    private final List<Duration> delays = new ArrayList<>();
    private LocalStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private DashboardViewModel viewModel(IncidentLog desk) {
        return new DashboardViewModel(source, desk, new SameThreadTaskExecutor(), e -> { }, InstantSource.fixed(NOW),
                (delay, action) -> {
                    delays.add(delay);
                    return () -> { };
                });
    }

    private Dashboard dashboard(DashboardViewModel vm) {
        return vm.dashboardProperty().get();
    }

    @Test
    void aSeriesThatStoppedIsStaleWithItsLastTimeAndTheOthersAreNot() {
        source.add("eu", Kpi.CHECKOUT_ATTEMPTS_PER_MIN, NOW.minusSeconds(20), 900)
                .add("eu", Kpi.LOGIN_FAILURES_PER_MIN, NOW.minus(Duration.ofMinutes(7)), 31);
        DashboardViewModel vm = viewModel(null);
        vm.attach();

        RegionRow eu = dashboard(vm).rows().getFirst();
        assertThat(eu.cell(Kpi.CHECKOUT_ATTEMPTS_PER_MIN).stale()).isFalse();
        KpiCell logins = eu.cell(Kpi.LOGIN_FAILURES_PER_MIN);
        assertThat(logins.stale()).isTrue();
        assertThat(logins.lastSeen()).isEqualTo(NOW.minus(Duration.ofMinutes(7)));
        assertThat(logins.value()).isEqualTo(OptionalDouble.of(31));
        // a KPI the source never had is no data, not a stale zero
        assertThat(eu.cell(Kpi.ERROR_RATE)).isEqualTo(KpiCell.NO_DATA);
        assertThat(eu.value(Kpi.ERROR_RATE)).isEmpty();
    }

    @Test
    void theTimeRangeDecidesTheRangeQueriesAndAskesAtOnceEvenWhilePaused() {
        source.add("eu", Kpi.CHECKOUT_ATTEMPTS_PER_MIN, NOW, 900);
        DashboardViewModel vm = viewModel(null);
        vm.attach();

        assertThat(source.rangeAsks).hasSize(DashboardViewModel.TILE_KPIS.size());
        assertThat(source.rangeAsks).allSatisfy(ask -> {
            assertThat(ask.start()).isEqualTo(NOW.minus(Duration.ofHours(1)));
            assertThat(ask.end()).isEqualTo(NOW);
            assertThat(ask.step()).isEqualTo(Duration.ofMinutes(1));
        });
        assertThat(source.rangeAsks).extracting(RangeAsk::kpi).doesNotContain(Kpi.CHECKOUT_ATTEMPTS_BY_RAIL);

        vm.pausedProperty().set(true);
        source.rangeAsks.clear();
        vm.timeRangeProperty().set(TimeRange.DAYS_7);

        assertThat(source.rangeAsks).isNotEmpty().allSatisfy(ask -> {
            assertThat(ask.start()).isEqualTo(NOW.minus(Duration.ofDays(7)));
            assertThat(ask.step()).isEqualTo(Duration.ofMinutes(168));
        });
        assertThat(dashboard(vm).range()).isEqualTo(TimeRange.DAYS_7);
        assertThat(TimeRange.MINUTES_15.step()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void theRefreshIntervalSetsTheNextAsk() {
        DashboardViewModel vm = viewModel(null);
        vm.attach();
        vm.refreshIntervalProperty().set(RefreshInterval.MINUTE_1);
        vm.refresh();

        assertThat(delays.getFirst()).isEqualTo(Duration.ofSeconds(15));
        assertThat(delays.getLast()).isEqualTo(Duration.ofMinutes(1));
        assertThat(dashboard(vm).refreshEvery()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void declinesSplitByReasonLargestFirstAndAddUpToTheDeclineRate() {
        source.add("eu", Kpi.DECLINE_RATE_BY_REASON, "do_not_honor", NOW, 0.01)
                .add("eu", Kpi.DECLINE_RATE_BY_REASON, "insufficient_funds", NOW, 0.025)
                .add("eu", Kpi.DECLINE_RATE_BY_REASON, "incorrect_cvc", NOW, 0.004)
                .addSeries("eu", Kpi.DECLINE_RATE_BY_REASON, "do_not_honor", NOW, Duration.ofMinutes(1), 0.01, 0.02)
                .addSeries("eu", Kpi.DECLINE_RATE_BY_REASON, "insufficient_funds", NOW, Duration.ofMinutes(1), 0.03, 0.025);
        DashboardViewModel vm = viewModel(null);
        vm.attach();

        RegionRow eu = dashboard(vm).rows().getFirst();
        assertThat(eu.declineReasons()).extracting(Breakdown::name)
                .containsExactly("insufficient_funds", "do_not_honor", "incorrect_cvc");
        assertThat(eu.value(Kpi.DECLINE_RATE_BY_REASON).getAsDouble()).isCloseTo(0.039, within(1e-12));
        // the tile's sparkline is the sum of the reasons at each instant
        assertThat(eu.cell(Kpi.DECLINE_RATE_BY_REASON).sparkline()).extracting(KpiPoint::value)
                .containsExactly(0.04, 0.045);
        assertThat(new KpiFormat(new io.gatehouse.views.common.I18n(io.gatehouse.views.common.Language.ENGLISH))
                .reason("insufficient_funds")).isEqualTo("insufficient funds");
    }

    @Test
    void theDrillDownHasRailsReasonsAndLiveAlertsWithWhatToDo() {
        store = LocalStore.open(dir.resolve("data"));
        FixedSession session = FixedSession.of("Lead One", io.gatehouse.data.operator.Role.LEAD, io.gatehouse.data.operator.Role.ANALYST);
        IncidentLog log = new IncidentLog(store, new AuditLog(store, session, InstantSource.fixed(NOW)), session,
                InstantSource.fixed(NOW), IncidentLog.DEFAULT_REOPEN_WINDOW, false, Runbooks.inDataDirectory(dir));
        log.record(List.of(new Detection(Detection.Kind.OPENED, "eu", Signal.LOGIN_FAILURES,
                NOW.minus(Duration.ofMinutes(6)), NOW.minus(Duration.ofMinutes(4)), 0.97, 612, 3.4)));
        source.add("eu", Kpi.CHECKOUT_ATTEMPTS_PER_MIN, NOW, 900)
                .add("eu", Kpi.FRAUD_FLAG_RATE, NOW, 0.004)
                .add("eu", Kpi.ERROR_RATE, NOW, 0.001)
                .add("eu", Kpi.AUTHORISATION_RATE, NOW, 0.97)
                .add("eu", Kpi.CHECKOUT_ATTEMPTS_BY_RAIL, "card", NOW, 500)
                .add("eu", Kpi.CHECKOUT_ATTEMPTS_BY_RAIL, "bank_transfer", NOW, 180)
                .add("eu", Kpi.CHECKOUT_ATTEMPTS_BY_RAIL, "wallet", NOW, 220)
                .add("eu", Kpi.DECLINE_RATE_BY_REASON, "insufficient_funds", NOW, 0.02)
                .add("uk", Kpi.CHECKOUT_ATTEMPTS_PER_MIN, NOW, 300)
                .add("uk", Kpi.FRAUD_FLAG_RATE, NOW, 0.004)
                .add("uk", Kpi.ERROR_RATE, NOW, 0.001)
                .add("uk", Kpi.AUTHORISATION_RATE, NOW, 0.97);
        DashboardViewModel vm = viewModel(log);
        vm.attach();

        assertThat(vm.drilledRow()).isEmpty();
        vm.drillDown("eu");
        RegionRow eu = vm.drilledRow().orElseThrow();
        assertThat(eu.rails()).extracting(Breakdown::name).containsExactly("card", "wallet", "bank_transfer");
        assertThat(eu.declineReasons()).extracting(Breakdown::name).containsExactly("insufficient_funds");
        assertThat(eu.indicators()).hasSize(1);
        assertThat(eu.indicators().getFirst().alert().type()).isEqualTo(AnomalyType.CREDENTIAL_STUFFING);
        assertThat(eu.indicators().getFirst().steps()).isNotEmpty();
        // healthy readings, but an alert nobody has taken up: the map shows the region as high
        assertThat(eu.risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(dashboard(vm).row("uk").orElseThrow().risk()).isEqualTo(RiskLevel.LOW);
        assertThat(dashboard(vm).row("uk").orElseThrow().indicators()).isEmpty();
        // the rail breakdown never counts twice in the checkout tile
        assertThat(eu.value(Kpi.CHECKOUT_ATTEMPTS_PER_MIN)).isEqualTo(OptionalDouble.of(900));

        log.acknowledge(eu.indicators().getFirst().alert().id());
        vm.refresh();
        assertThat(vm.drilledRow().orElseThrow().risk()).isEqualTo(RiskLevel.ELEVATED);

        vm.back();
        assertThat(vm.drilledRegionProperty().get()).isNull();
    }
}
