package io.gatehouse.app.wiring;

import io.gatehouse.connectors.sandbox.SandboxOptions;
import io.gatehouse.connectors.sandbox.SandboxServer;
import io.gatehouse.data.config.ConnectionProfile;
import io.gatehouse.connectors.sandbox.scenario.ScenarioActivation;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import java.net.URI;
import java.util.List;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;

/** The embedded sandbox checkout platform, started from the configuration's sandbox section. */
public final class SandboxRuntime implements AutoCloseable {
    private final SandboxServer server;
    private final List<ScenarioActivation> scenarios;
    private final Instant scenariosFrom;
    private boolean scenariosStarted;

    private SandboxRuntime(SandboxServer server, List<ScenarioActivation> scenarios, Instant scenariosFrom) {
        this.server = server;
        this.scenarios = scenarios;
        this.scenariosFrom = scenariosFrom;
    }

    /** Starts it on an ephemeral loopback port; call off the FX thread. */
    public static SandboxRuntime start(ConnectionProfile.Sandbox settings, InstantSource wallClock) {
        List<ScenarioActivation> scenarios;
        try {
            scenarios = settings.scenarios().stream().map(ScenarioActivation::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new GatehouseException(FailureKind.CONFIGURATION, "The sandbox scenarios in the configuration: "
                    + e.getMessage() + ".");
        }
        Instant start = settings.clock() != null ? settings.clock() : wallClock.instant().truncatedTo(ChronoUnit.MINUTES);
        SandboxOptions options = SandboxOptions.defaults(settings.seedOrDefault(), start)
                .withSpeed(settings.speedOrDefault())
                .withWallClock(wallClock);
        return new SandboxRuntime(SandboxServer.start(options), scenarios,
                start.plus(ConnectionProfile.Sandbox.SCENARIO_DELAY));
    }

    /** Starts the configured scenarios once their simulated time has come; cheap to call every turn. */
    public synchronized void startDueScenarios() {
        if (!scenariosStarted && !server.simulatedNow().isBefore(scenariosFrom)) {
            scenariosStarted = true;
            scenarios.forEach(s -> server.setScenario(s, true));
        }
    }

    public URI baseUrl() {
        return server.baseUrl();
    }

    public SandboxServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
