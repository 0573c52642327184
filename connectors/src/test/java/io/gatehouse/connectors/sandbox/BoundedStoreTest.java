package io.gatehouse.connectors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedStoreTest {

    @Test
    void oldCasesAgeOutOfABoundedStore() {
        ManualInstantSource wall = new ManualInstantSource(Instant.parse("2030-01-01T00:00:00Z"));
        try (SandboxServer server = SandboxServer.start(new SandboxOptions(0, 8, SandboxFixture.START, 1.0, wall,
                List.of(), 500))) {
            server.advanceTo(SandboxFixture.START.plus(Duration.ofDays(2)));
            assertThat(server.storedCases()).isEqualTo(500);
        }
    }

    @Test
    void theSimulatedTeamWorksStaleReviewCasesAndOutcomesFollow() {
        try (SandboxFixture f = new SandboxFixture(6)) {
            f.advance(Duration.ofDays(2));
            var decided = f.get("/v1/cases?status=decided&limit=200").json().get("data");
            assertThat(decided).isNotEmpty();
            assertThat(decided.get(0).get("decision").get("analyst").asText()).isEqualTo("sandbox-team");
            assertThat(f.get("/metrics").body()).contains("sandbox_case_outcomes_total{region=");
        }
    }

    @Test
    void speedRunsSimulatedTimeFasterThanTheWallClock() {
        ManualInstantSource wall = new ManualInstantSource(Instant.parse("2030-01-01T00:00:00Z"));
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults(1, SandboxFixture.START)
                .withWallClock(wall).withSpeed(1440))) {
            wall.advance(Duration.ofMinutes(1));
            assertThat(server.simulatedNow()).isEqualTo(SandboxFixture.START.plus(Duration.ofDays(1)));
        }
    }
}
