package io.gatehouse.connectors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.connectors.sandbox.scenario.AttackScenario;
import io.gatehouse.connectors.sandbox.scenario.ScenarioActivation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeededDeterminismTest {
    private static final Duration SPAN = Duration.ofHours(3);

    @Test
    void sameSeedAndClockGiveTheSameCasesEventsAndMetricsHoweverTimeIsSliced() {
        try (SandboxFixture once = new SandboxFixture(11); SandboxFixture sliced = new SandboxFixture(11)) {
            once.advance(SPAN);
            Duration done = Duration.ZERO;
            Duration slice = Duration.ofMinutes(37).plusSeconds(13);
            while (done.plus(slice).compareTo(SPAN) < 0) {
                sliced.advance(slice);
                sliced.get("/v1/cases?limit=1"); // looking at the world must not change it
                done = done.plus(slice);
            }
            sliced.advance(SPAN.minus(done));

            assertThat(once.get("/v1/cases?limit=200").body()).isEqualTo(sliced.get("/v1/cases?limit=200").body());
            assertThat(once.get("/v1/events?limit=1000").body()).isEqualTo(sliced.get("/v1/events?limit=1000").body());
            String metrics = once.get("/metrics").body();
            assertThat(metrics).isEqualTo(sliced.get("/metrics").body());
            assertThat(MetricsText.sum(metrics, "sandbox_checkout_attempts_total", java.util.Map.of())).isGreaterThan(1000);
        }
    }

    @Test
    void scenariosAreDeterministicToo() {
        List<ScenarioActivation> all = List.of(ScenarioActivation.of(AttackScenario.CARD_TESTING),
                ScenarioActivation.of(AttackScenario.CREDENTIAL_STUFFING));
        try (SandboxFixture a = new SandboxFixture(5, all); SandboxFixture b = new SandboxFixture(5, all)) {
            a.advance(Duration.ofHours(1));
            b.advance(Duration.ofMinutes(30)).advance(Duration.ofMinutes(30));
            assertThat(a.get("/v1/cases?limit=200").body()).isEqualTo(b.get("/v1/cases?limit=200").body());
            assertThat(a.get("/metrics").body()).isEqualTo(b.get("/metrics").body());
        }
    }

    @Test
    void anotherSeedGivesAnotherWorld() {
        try (SandboxFixture a = new SandboxFixture(11); SandboxFixture b = new SandboxFixture(12)) {
            a.advance(Duration.ofHours(1));
            b.advance(Duration.ofHours(1));
            assertThat(a.get("/v1/cases?limit=50").body()).isNotEqualTo(b.get("/v1/cases?limit=50").body());
        }
    }
}
