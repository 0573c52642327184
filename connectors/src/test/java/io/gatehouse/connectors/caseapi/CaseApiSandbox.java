package io.gatehouse.connectors.caseapi;

import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.sandbox.SandboxOptions;
import io.gatehouse.connectors.sandbox.SandboxServer;
import io.gatehouse.data.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** The in-process sandbox with three simulated hours of cases, and Case API clients pointed at it. */
final class CaseApiSandbox implements AutoCloseable {
    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    final ManualClock wall = ManualClock.at("2030-01-01T00:00:00Z");
    final List<Duration> sleeps = new ArrayList<>();
    final SandboxServer server;

    CaseApiSandbox() {
        server = SandboxServer.start(new SandboxOptions(0, 42, START, 1.0, wall, List.of(), SandboxOptions.DEFAULT_MAX_CASES));
        wall.advance(Duration.ofHours(3));
        server.tick();
    }

    UpstreamClient upstream(int attempts) {
        return new UpstreamClient("Case API", HttpClients.standard(null), wall, sleeps::add,
                RandomGenerator.of("L64X128MixRandom"), attempts, Duration.ofSeconds(30));
    }

    CaseApiClient client() {
        return new CaseApiClient(upstream(3), server.baseUrl(), ApiKey.none());
    }

    CaseApiDelivery delivery() {
        return new CaseApiDelivery(upstream(1), server.baseUrl(), ApiKey.none());
    }

    @Override
    public void close() {
        server.close();
    }
}
