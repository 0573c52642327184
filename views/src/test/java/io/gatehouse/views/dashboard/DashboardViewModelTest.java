package io.gatehouse.views.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Language;
import io.gatehouse.views.dashboard.DashboardViewModel.Dashboard;
import io.gatehouse.views.dashboard.DashboardViewModel.SourceState;
import io.gatehouse.views.testing.InMemoryTelemetry;
import io.gatehouse.views.testing.SameThreadTaskExecutor;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DashboardViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");

    private final InMemoryTelemetry source = new InMemoryTelemetry();
    private final List<Throwable> errors = new ArrayList<>();
    private final List<Runnable> timers = new ArrayList<>();
    private final List<Runnable> cancelled = new ArrayList<>();
    private final DashboardViewModel viewModel = new DashboardViewModel(source, new SameThreadTaskExecutor(), errors::add,
            InstantSource.fixed(NOW), (delay, action) -> {
                assertThat(delay).isEqualTo(DashboardViewModel.REFRESH_EVERY);
                timers.add(action);
                Runnable cancel = () -> cancelled.add(action);
                return cancel;
            });

    private Dashboard dashboard() {
        return viewModel.dashboardProperty().get();
    }

    @Test
    void aSourceWithNoDataGivesNoRowsAndSaysSo() {
        viewModel.attach();

        assertThat(dashboard().state()).isEqualTo(SourceState.NO_DATA);
        assertThat(dashboard().rows()).isEmpty();
        assertThat(source.questions).isEqualTo(Kpi.values().length);
        assertThat(source.rangeAsks).hasSize(DashboardViewModel.TILE_KPIS.size());
        assertThat(errors).isEmpty();
    }

    @Test
    void eachRegionGetsOneRowAndMissingKpisStayEmptyNotZero() {
        source.add("eu-west", Kpi.CHECKOUT_ATTEMPTS_PER_MIN, NOW, 42.5)
                .add("eu-west", Kpi.DECLINE_RATE_BY_REASON, "insufficient_funds", NOW, 0.03)
                .add("eu-west", Kpi.DECLINE_RATE_BY_REASON, "do_not_honour", NOW, 0.02)
                .add("us-east", Kpi.ERROR_RATE, NOW, 0.0)
                .add("ap-south", Kpi.P95_LATENCY, NOW, Double.NaN);

        viewModel.attach();

        Dashboard d = dashboard();
        assertThat(d.state()).isEqualTo(SourceState.LIVE);
        // a region whose only sample was NaN has no data at all, so it has no row
        assertThat(d.rows()).extracting(RegionRow::region).containsExactly("eu-west", "us-east");
        var euWest = d.rows().getFirst();
        assertThat(euWest.value(Kpi.CHECKOUT_ATTEMPTS_PER_MIN)).isEqualTo(OptionalDouble.of(42.5));
        assertThat(euWest.value(Kpi.DECLINE_RATE_BY_REASON).getAsDouble()).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(euWest.value(Kpi.ERROR_RATE)).isEmpty();
        // a real zero stays a zero
        assertThat(d.rows().get(1).value(Kpi.ERROR_RATE)).isEqualTo(OptionalDouble.of(0.0));
        assertThat(d.dataAt()).isEqualTo(NOW);
    }

    @Test
    void nanAndInfiniteSamplesAreNoData() {
        source.add("eu-west", Kpi.CHECKOUT_ATTEMPTS_PER_MIN, NOW, 10)
                .add("eu-west", Kpi.AUTHORISATION_RATE, NOW, Double.NaN)
                .add("eu-west", Kpi.P95_LATENCY, NOW, Double.POSITIVE_INFINITY);

        viewModel.attach();

        var row = dashboard().rows().getFirst();
        assertThat(row.value(Kpi.AUTHORISATION_RATE)).isEmpty();
        assertThat(row.value(Kpi.P95_LATENCY)).isEmpty();
    }

    @Test
    void oldDataIsStale() {
        source.add("eu-west", Kpi.CHECKOUT_ATTEMPTS_PER_MIN, NOW.minus(Duration.ofMinutes(5)), 10);

        viewModel.attach();

        assertThat(dashboard().state()).isEqualTo(SourceState.STALE);
        assertThat(dashboard().rows()).hasSize(1);
    }

    @Test
    void aFailingSourceIsDownKeepsTheLastValuesAndIsReportedOnce() {
        source.add("eu-west", Kpi.CHECKOUT_ATTEMPTS_PER_MIN, NOW, 10);
        viewModel.attach();
        source.failure = new GatehouseException(FailureKind.UPSTREAM, "Sandbox metrics: connection refused");

        timers.getLast().run();
        timers.getLast().run();

        Dashboard d = dashboard();
        assertThat(d.state()).isEqualTo(SourceState.DOWN);
        assertThat(d.problem()).contains("connection refused");
        assertThat(d.rows()).hasSize(1);
        assertThat(d.dataAt()).isEqualTo(NOW);
        assertThat(errors).hasSize(1);

        source.failure = null;
        timers.getLast().run();
        assertThat(dashboard().state()).isEqualTo(SourceState.LIVE);
    }

    @Test
    void theScheduleRunsWhileShownAndHoldsWhilePaused() {
        viewModel.attach();
        assertThat(timers).hasSize(1);
        int asked = source.questions;

        viewModel.pausedProperty().set(true);
        assertThat(cancelled).containsExactly(timers.getFirst());
        timers.getFirst().run(); // a timer that fired anyway does nothing while paused
        assertThat(source.questions).isEqualTo(asked);

        viewModel.pausedProperty().set(false);
        assertThat(source.questions).isEqualTo(asked * 2);
        assertThat(timers).hasSize(2);

        viewModel.detach();
        assertThat(viewModel.running()).isFalse();
        assertThat(cancelled).contains(timers.getLast());
        timers.getLast().run();
        assertThat(source.questions).isEqualTo(asked * 2);
    }

    @Test
    void valuesAreFormattedPerLanguageAndNoDataIsNeverZero() {
        KpiFormat en = new KpiFormat(new I18n(Language.fromTag("en")));
        KpiFormat de = new KpiFormat(new I18n(Language.fromTag("de")));

        assertThat(en.value(Kpi.CHECKOUT_ATTEMPTS_PER_MIN, OptionalDouble.of(1234.56))).isEqualTo("1,235/min");
        assertThat(en.value(Kpi.LOGIN_FAILURES_PER_MIN, OptionalDouble.of(12.34))).isEqualTo("12.3/min");
        assertThat(de.value(Kpi.CHECKOUT_ATTEMPTS_PER_MIN, OptionalDouble.of(1234.56))).isEqualTo("1.235/min");
        assertThat(de.value(Kpi.LOGIN_FAILURES_PER_MIN, OptionalDouble.of(12.34))).isEqualTo("12,3/min");
        assertThat(en.value(Kpi.ERROR_RATE, OptionalDouble.of(0.0))).isEqualTo("0.0%");
        assertThat(de.value(Kpi.AUTHORISATION_RATE, OptionalDouble.of(0.975))).isEqualTo("97,5\u00a0%");
        assertThat(en.value(Kpi.P95_LATENCY, OptionalDouble.of(0.25))).isEqualTo("250 ms");
        assertThat(en.value(Kpi.P95_LATENCY, OptionalDouble.of(1.5))).isEqualTo("1.50 s");
        assertThat(en.value(Kpi.ERROR_RATE, OptionalDouble.empty())).isEqualTo("no data");
        assertThat(de.value(Kpi.ERROR_RATE, OptionalDouble.of(Double.NaN))).isEqualTo("keine Daten");
    }
}
