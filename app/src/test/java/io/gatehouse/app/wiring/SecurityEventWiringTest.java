package io.gatehouse.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.data.events.IngestStats;
import io.gatehouse.data.health.ConnectionKind;
import io.gatehouse.data.health.HealthProbe;
import io.gatehouse.data.health.HealthState;
import java.nio.file.Path;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console with no configuration reads the sandbox's signed event stream and shows its counters as a connection. */
class SecurityEventWiringTest {
    @TempDir
    Path tmp;

    @Test
    void theSandboxConsoleVerifiesTheSandboxStream() throws Exception {
        AppDirectories dirs = new AppDirectories(tmp.resolve("absent-config.yaml"), tmp.resolve("data"));
        try (ConsoleRuntime runtime = ConsoleRuntime.open(dirs, InstantSource.system())) {
            SecurityEventWiring events = runtime.securityEvents();
            assertThat(events).isNotNull();
            // the default sandbox runs a simulated minute per second: events arrive within seconds
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (events.stream().stats().accepted() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            IngestStats stats = events.stream().stats();
            assertThat(stats.accepted()).as("accepted events; last error: %s", stats.lastError()).isPositive();
            assertThat(stats.rejected()).isZero();
            assertThat(events.signals().totals()).isNotEmpty();
            HealthProbe probe = events.probe();
            assertThat(probe.kind()).isEqualTo(ConnectionKind.SECURITY_EVENTS);
            HealthProbe.Result result = probe.check();
            assertThat(result.state()).isEqualTo(HealthState.UP);
            assertThat(result.detail()).contains("verified; nothing refused")
                    .doesNotContain(runtime.sandbox().server().eventSigningSecret());
        }
    }
}
