package io.gatehouse.views.testing;

import io.gatehouse.data.health.ConnectionKind;
import io.gatehouse.data.health.HealthMonitor;
import io.gatehouse.data.health.HealthState;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.settings.SettingsStore;
import io.gatehouse.data.telemetry.TelemetrySource;
import io.gatehouse.views.shell.ShellContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The console's ports in memory: a sandbox-like setup with four connections and a small audit log. */
public final class TestConsole implements AutoCloseable {
    public static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");

    public final InMemoryAuditReader audit = InMemoryAuditReader.sample();
    public final InMemoryReviewDesk reviewDesk = InMemoryReviewDesk.sample();
    public final ScriptedProbe sandbox = new ScriptedProbe("Sandbox", ConnectionKind.SANDBOX, HealthState.UP, "127.0.0.1:41234, seed 7");
    public final ScriptedProbe telemetry = new ScriptedProbe("Telemetry", ConnectionKind.TELEMETRY, HealthState.UP, "scrape 40 ms");
    public final ScriptedProbe fraudQueue = new ScriptedProbe("Fraud queue", ConnectionKind.FRAUD_QUEUE, HealthState.DEGRADED, "slow: 2.1 s");
    public final ScriptedProbe token = new ScriptedProbe("Token", ConnectionKind.TOKEN, HealthState.DOWN, "no token in slot 0");
    public final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "health-test");
        thread.setDaemon(true);
        return thread;
    });
    public final InstantSource clock = InstantSource.fixed(NOW);
    public final HealthMonitor monitor = new HealthMonitor(List.of(sandbox, telemetry, fraudQueue, token), scheduler, clock, Duration.ofHours(1));
    public final Path dir;

    public TestConsole(Path dir) {
        this.dir = dir;
    }

    /** A context whose background work runs inline, so UI tests need no waiting for it. */
    public ShellContext context() {
        return context(true);
    }

    /** The same, with or without the sandbox as a source. */
    public ShellContext context(boolean sandboxActive) {
        return context(sandboxActive, null);
    }

    /** The same, with a telemetry source for the regional dashboards (or none). */
    public ShellContext context(boolean sandboxActive, TelemetrySource telemetry) {
        return new ShellContext(FixedSession.of("Dana Lead", Role.LEAD, Role.KEY_CUSTODIAN), audit, monitor, sandboxActive,
                "Embedded sandbox, seed 7", dir.resolve("gatehouse.yaml"), dir.resolve("data"),
                new SettingsStore(dir.resolve("config")), Runnable::run, clock, ZoneId.of("Europe/Berlin"),
                reviewDesk, telemetry);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
