package io.gatehouse.connectors.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.gatehouse.data.health.ConnectionKind;
import io.gatehouse.data.health.HealthProbe;
import io.gatehouse.data.health.HealthState;
import io.gatehouse.data.testing.ManualClock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on loopback; "slow" is simulated by moving the injected clock. */
class HttpHealthProbeTest {
    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private volatile Duration serverDelay = Duration.ZERO;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> {
            clock.advance(serverDelay);
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HealthProbe probe() {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/health");
        return new HttpHealthProbe("sandbox", ConnectionKind.SANDBOX, url, HttpHealthProbe.defaultClient(), clock,
                Duration.ofSeconds(1));
    }

    @Test
    void upWhenItAnswersQuickly() {
        assertThat(probe().check().state()).isEqualTo(HealthState.UP);
    }

    @Test
    void degradedWhenSlowOrBusy() {
        serverDelay = Duration.ofMillis(1500);
        assertThat(probe().check()).satisfies(r -> {
            assertThat(r.state()).isEqualTo(HealthState.DEGRADED);
            assertThat(r.detail()).contains("slow");
        });
        serverDelay = Duration.ZERO;
        status.set(503);
        assertThat(probe().check().state()).isEqualTo(HealthState.DEGRADED);
    }

    @Test
    void aServerThatWantsCredentialsIsReachableButNotConfirmed() {
        status.set(401);
        HealthProbe.Result result = probe().check();
        assertThat(result.state()).isEqualTo(HealthState.DEGRADED);
        assertThat(result.detail()).contains("without credentials");
    }

    @Test
    void downOnServerErrorsAndWhenNothingListens() {
        status.set(500);
        assertThat(probe().check().state()).isEqualTo(HealthState.DOWN);
        HealthProbe probe = probe();
        server.stop(0);
        HealthProbe.Result result = probe.check();
        assertThat(result.state()).isEqualTo(HealthState.DOWN);
        assertThat(result.detail()).contains("cannot connect");
    }
}
