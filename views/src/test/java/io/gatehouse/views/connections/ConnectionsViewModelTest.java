package io.gatehouse.views.connections;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.health.ConnectionHealth;
import io.gatehouse.data.health.HealthProbe;
import io.gatehouse.data.health.HealthState;
import io.gatehouse.views.testing.SameThreadTaskExecutor;
import io.gatehouse.views.testing.TestConsole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void followsTheMonitorAndChecksOnRequest() {
        try (TestConsole console = new TestConsole(dir)) {
            List<Throwable> errors = new ArrayList<>();
            ConnectionsViewModel vm = new ConnectionsViewModel(console.monitor, new SameThreadTaskExecutor(), errors::add);

            vm.follow();
            assertThat(vm.connections()).extracting(ConnectionHealth::state).containsOnly(HealthState.UNKNOWN);

            vm.checkNow();
            assertThat(vm.connections()).extracting(ConnectionHealth::state)
                    .containsExactly(HealthState.UP, HealthState.UP, HealthState.DEGRADED, HealthState.DOWN);

            console.telemetry.next = new HealthProbe.Result(HealthState.DOWN, "connection refused");
            vm.checkNow();
            assertThat(vm.connections().get(1).state()).isEqualTo(HealthState.DOWN);
            assertThat(vm.checkingProperty().get()).isFalse();

            vm.stop();
            console.telemetry.next = new HealthProbe.Result(HealthState.UP, "");
            console.monitor.checkNow();
            assertThat(vm.connections().get(1).state()).isEqualTo(HealthState.DOWN);
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void startRunsTheMonitorsScheduleAndStopEndsIt() {
        try (TestConsole console = new TestConsole(dir)) {
            ConnectionsViewModel vm = new ConnectionsViewModel(console.monitor, new SameThreadTaskExecutor(), e -> { });
            vm.start();
            assertThat(console.monitor.running()).isTrue();
            vm.stop();
            assertThat(console.monitor.running()).isFalse();
        }
    }
}
