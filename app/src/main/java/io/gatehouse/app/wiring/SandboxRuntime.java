package io.gatehouse.app.wiring;

import io.gatehouse.connectors.sandbox.SandboxOptions;
import io.gatehouse.connectors.sandbox.SandboxServer;
import io.gatehouse.data.config.ConnectionProfile;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;

/** The embedded sandbox checkout platform, started from the configuration's sandbox section. */
public final class SandboxRuntime implements AutoCloseable {
    private final SandboxServer server;

    private SandboxRuntime(SandboxServer server) {
        this.server = server;
    }

    /** Starts it on an ephemeral loopback port; call off the FX thread. */
    public static SandboxRuntime start(ConnectionProfile.Sandbox settings, InstantSource wallClock) {
        Instant start = settings.clock() != null ? settings.clock() : wallClock.instant().truncatedTo(ChronoUnit.MINUTES);
        SandboxOptions options = SandboxOptions.defaults(settings.seedOrDefault(), start)
                .withSpeed(settings.speedOrDefault())
                .withWallClock(wallClock);
        return new SandboxRuntime(SandboxServer.start(options));
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
