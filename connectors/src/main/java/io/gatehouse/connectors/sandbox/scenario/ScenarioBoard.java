package io.gatehouse.connectors.sandbox.scenario;

import io.gatehouse.connectors.sandbox.world.Region;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Which scenarios are running, since when (simulated) and against which region. Not thread-safe. */
public final class ScenarioBoard {

    /** A running scenario. */
    public record Running(AttackScenario scenario, Region region, Instant since) {
        /** Whole simulated minutes since the scenario started; signatures ramp up with it. */
        public long minutesAt(Instant now) {
            return Math.max(0, Duration.between(since, now).toMinutes());
        }
    }

    private final Map<AttackScenario, Running> running = new EnumMap<>(AttackScenario.class);

    public void start(ScenarioActivation activation, Instant at) {
        Running current = running.get(activation.scenario());
        if (current == null || current.region() != activation.region()) {
            running.put(activation.scenario(), new Running(activation.scenario(), activation.region(), at));
        }
    }

    public void stop(AttackScenario scenario) {
        running.remove(scenario);
    }

    public Optional<Running> running(AttackScenario scenario) {
        return Optional.ofNullable(running.get(scenario));
    }

    /** The scenario if it is running against this region. */
    public Optional<Running> runningIn(AttackScenario scenario, Region region) {
        return running(scenario).filter(r -> r.region() == region);
    }
}
