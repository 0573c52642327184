package io.gatehouse.views.connections;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.health.ConnectionHealth;
import io.gatehouse.data.health.HealthProbe;
import io.gatehouse.data.health.HealthState;
import io.gatehouse.data.connections.CheckOutcome;
import io.gatehouse.data.connections.ConnectionEdit;
import io.gatehouse.data.connections.SecretState;
import io.gatehouse.data.connections.Transport;
import io.gatehouse.views.testing.InMemoryConnections;
import io.gatehouse.views.testing.SameThreadTaskExecutor;
import java.net.URI;
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

    @Test
    void rowsShowEachConnectionsTransportSecretAndItsOwnHealth() {
        try (TestConsole console = new TestConsole(dir)) {
            ConnectionsViewModel vm = new ConnectionsViewModel(console.monitor, new SameThreadTaskExecutor(), e -> { },
                    new InMemoryConnections(), () -> true);
            vm.follow();
            vm.checkNow();
            assertThat(vm.rows()).extracting(ConnectionRow::name).containsExactly("prometheus", "caseApi", "stripe");
            assertThat(vm.rows()).extracting(r -> r.entry().transport())
                    .containsExactly(Transport.INSECURE_LOOPBACK, Transport.TLS_PINNED, Transport.MTLS_TOKEN);
            assertThat(vm.rows()).extracting(r -> r.entry().secretState())
                    .containsExactly(SecretState.NONE, SecretState.STORED, SecretState.MISSING);
            assertThat(vm.rows().get(0).health().connection()).isEqualTo("Telemetry");
            assertThat(vm.rows().get(1).health().connection()).isEqualTo("Fraud queue");
            assertThat(vm.rows().get(2).health()).as("configured but not the fraud queue in use").isNull();
            assertThat(vm.editable()).isTrue();
        }
    }

    @Test
    void eachTestOutcomeIsItsOwnNotice() {
        try (TestConsole console = new TestConsole(dir)) {
            InMemoryConnections port = new InMemoryConnections();
            ConnectionsViewModel vm = new ConnectionsViewModel(console.monitor, new SameThreadTaskExecutor(), e -> { },
                    port, () -> true);
            vm.follow();
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (CheckOutcome outcome : CheckOutcome.values()) {
                port.nextOutcome = outcome;
                vm.test(vm.rows().get(1));
                ConnectionNotice notice = vm.noticeProperty().get();
                assertThat(notice.problem()).isEqualTo(outcome != CheckOutcome.OK);
                assertThat(notice.args()).startsWith("caseApi", "cases.example.com");
                keys.add(notice.key());
                assertThat(vm.rows().get(1).lastCheck().outcome()).isEqualTo(outcome);
            }
            assertThat(keys).hasSize(CheckOutcome.values().length);
            assertThat(vm.busyProperty().get()).isFalse();
        }
    }

    @Test
    void rotatingPassesTheValueOnceAndWipesTheArray() {
        try (TestConsole console = new TestConsole(dir)) {
            InMemoryConnections port = new InMemoryConnections();
            ConnectionsViewModel vm = new ConnectionsViewModel(console.monitor, new SameThreadTaskExecutor(), e -> { },
                    port, () -> true);
            vm.follow();
            char[] value = "sk_live_NEW".toCharArray();
            vm.rotateSecret(vm.rows().get(2), value);
            assertThat(value).containsOnly('\0');
            assertThat(new String(port.rotatedValues.get("stripe-key.copy"))).isEqualTo("sk_live_NEW");
            assertThat(vm.rows().get(2).entry().secretState()).isEqualTo(SecretState.STORED);
            assertThat(vm.noticeProperty().get().key()).isEqualTo("connections.rotated");
            assertThat(vm.noticeProperty().get().args()).containsExactly("stripe-key", "stripe");

            char[] nowhere = "x".toCharArray();
            vm.rotateSecret(vm.rows().get(0), nowhere);
            assertThat(nowhere).containsOnly('\0');
            assertThat(port.rotatedCopies).containsExactly("stripe-key");
        }
    }

    @Test
    void anEditIsSavedOrRefusedWithTheLoadersSentence() {
        try (TestConsole console = new TestConsole(dir)) {
            InMemoryConnections port = new InMemoryConnections();
            ConnectionsViewModel vm = new ConnectionsViewModel(console.monitor, new SameThreadTaskExecutor(), e -> { },
                    port, () -> true);
            vm.follow();
            port.refuseNextEdit = "config.yaml:9:12: plain http is allowed only to this machine (loopback)";
            vm.edit(vm.rows().get(1), new ConnectionEdit(URI.create("http://cases.example.com"), null, List.of()));
            assertThat(vm.noticeProperty().get().problem()).isTrue();
            assertThat(vm.noticeProperty().get().key()).isEqualTo("connections.refused");
            assertThat(vm.noticeProperty().get().args()).containsExactly(
                    "config.yaml:9:12: plain http is allowed only to this machine (loopback)");
            assertThat(vm.rows().get(1).entry().url()).hasToString("https://cases.example.com/v1");

            vm.edit(vm.rows().get(1), new ConnectionEdit(URI.create("https://cases2.example.com/v1"), null, List.of()));
            assertThat(vm.noticeProperty().get().key()).isEqualTo("connections.edited");
            assertThat(vm.rows().get(1).entry().url()).hasToString("https://cases2.example.com/v1");
            assertThat(vm.rows().get(1).entry().transport()).isEqualTo(Transport.TLS);
        }
    }
}
