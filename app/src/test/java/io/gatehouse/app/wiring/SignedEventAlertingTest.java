package io.gatehouse.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.anomaly.AnomalyType;
import io.gatehouse.data.anomaly.Signal;
import io.gatehouse.data.audit.AuditEntry;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.data.incidents.Alert;
import io.gatehouse.data.incidents.IncidentDesk;
import io.gatehouse.data.telemetry.HubStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the embedded sandbox: its backend relays signed tallies, the console verifies them,
 * counts them into the events hub, and the one detector judges them beside the scraped metrics. The
 * sandbox plays credential stuffing (eu) and token replay (india) from two simulated hours on; at 60
 * simulated minutes a second that is about two and a half minutes of wall time, the price of a real
 * run through the real stream.
 */
class SignedEventAlertingTest {
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @TempDir
    Path tmp;

    @Test
    void signedLoginAndTokenFailuresRaiseOneAlertPerAttackThatNamesTheSignedEvents() throws Exception {
        Path config = Files.writeString(tmp.resolve("config.yaml"), """
                operator: alice
                operators:
                  - id: alice
                    name: Alice Analyst
                    roles: [analyst, lead, key-custodian, executive-viewer]
                profile: sandbox
                profiles:
                  sandbox:
                    sandbox: {seed: 42, speed: 60, scenarios: [credential_stuffing, token_replay]}
                """);
        try (ConsoleRuntime runtime = ConsoleRuntime.open(new AppDirectories(config, tmp.resolve("data")),
                InstantSource.system())) {
            IncidentDesk desk = runtime.shellContext().incidents();
            Instant attackStart = runtime.sandbox().server().simulatedNow().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                    .plus(io.gatehouse.data.config.ConnectionProfile.Sandbox.SCENARIO_DELAY);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline && !(signed(desk, AnomalyType.CREDENTIAL_STUFFING, "eu")
                    && signed(desk, AnomalyType.TOKEN_REPLAY, "india"))) {
                Thread.sleep(500);
            }
            List<Alert> alerts = desk.alerts(100);
            for (Alert a : alerts) {
                System.out.printf("alert %s %s via %s: since %s, detected %s after the attack began, %d samples%n",
                        a.type(), a.region(), a.signal(), a.since(), Duration.between(attackStart, a.detected()),
                        a.samples());
            }
            System.out.println("signed events hub: " + runtime.securityEvents().hub().stats());
            assertThat(alerts).as("alerts raised; events stream: %s", runtime.securityEvents().stream().stats())
                    .filteredOn(a -> a.type() == AnomalyType.CREDENTIAL_STUFFING).singleElement().satisfies(a -> {
                        assertThat(a.region()).isEqualTo("eu");
                        assertThat(a.signal()).isEqualTo(Signal.SIGNED_LOGIN_FAILURES);
                        assertThat(a.since()).isAfterOrEqualTo(attackStart.minusSeconds(60));
                        assertThat(Duration.between(attackStart, a.detected())).isLessThanOrEqualTo(Duration.ofMinutes(5));
                    });
            assertThat(alerts).filteredOn(a -> a.type() == AnomalyType.TOKEN_REPLAY).singleElement().satisfies(a -> {
                assertThat(a.region()).isEqualTo("india");
                assertThat(a.signal()).isEqualTo(Signal.SIGNED_TOKEN_FAILURES);
                assertThat(Duration.between(attackStart, a.detected())).isLessThanOrEqualTo(Duration.ofMinutes(5));
            });
            // nothing else was raised: no false alert in the two clean hours
            assertThat(alerts).allSatisfy(a -> assertThat(a.type()).isIn(AnomalyType.CREDENTIAL_STUFFING,
                    AnomalyType.TOKEN_REPLAY));
            assertThat(runtime.composition().auditLog().find(AuditQuery.latest(500))).extracting(AuditEntry::action)
                    .filteredOn("alert.raised"::equals).hasSize(2);
            HubStats hub = runtime.securityEvents().hub().stats();
            // six regions, two signed KPIs each, a point a simulated minute
            assertThat(hub.series()).isBetween(6, 12);
            assertThat(hub.accepted()).isGreaterThan(300);
            assertThat(hub.points()).isLessThanOrEqualTo(runtime.securityEvents().hub().limits().maxPoints());
            assertThat(runtime.securityEvents().stream().stats().rejected()).isZero();
            String shots = System.getProperty("gatehouse.events.shots");
            if (shots != null) {
                // pictures on request only: the alert list with these alerts, both themes
                System.setProperty("glass.platform", "Headless");
                System.setProperty("prism.order", "sw");
                runtime.health().checkNow();
                assertThat(io.gatehouse.views.shell.ScreenshotExporter.export(runtime.shellContext(), Path.of(shots)))
                        .isNotEmpty();
            }
        }
    }

    private static boolean signed(IncidentDesk desk, AnomalyType type, String region) {
        return desk.alerts(100).stream().anyMatch(a -> a.type() == type && a.region().equals(region)
                && a.signal().signedEvents());
    }
}
