package io.gatehouse.connectors.sandbox;

import io.gatehouse.connectors.sandbox.scenario.ScenarioActivation;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;

/** How to start the sandbox: port, seed, simulated start instant, speed, wall clock and initial scenarios. */
public record SandboxOptions(int port, long seed, Instant clock, double speed, InstantSource wallClock,
                             List<ScenarioActivation> scenarios, int maxCases) {

    /** The default bound on stored cases: about a simulated week of flagged orders. */
    public static final int DEFAULT_MAX_CASES = 20_000;

    public SandboxOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(wallClock, "wallClock");
        if (!(speed > 0) || Double.isInfinite(speed) || speed > 100_000) {
            throw new IllegalArgumentException("speed must be greater than 0 and at most 100000, got " + speed);
        }
        if (maxCases < 100) {
            throw new IllegalArgumentException("maxCases must be at least 100, got " + maxCases);
        }
        scenarios = List.copyOf(scenarios);
    }

    /** Ephemeral port, real wall clock, speed 1, no scenarios. */
    public static SandboxOptions defaults(long seed, Instant clock) {
        return new SandboxOptions(0, seed, clock, 1.0, InstantSource.system(), List.of(), DEFAULT_MAX_CASES);
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(newPort, seed, clock, speed, wallClock, scenarios, maxCases);
    }

    public SandboxOptions withSpeed(double newSpeed) {
        return new SandboxOptions(port, seed, clock, newSpeed, wallClock, scenarios, maxCases);
    }

    public SandboxOptions withWallClock(InstantSource newWallClock) {
        return new SandboxOptions(port, seed, clock, speed, newWallClock, scenarios, maxCases);
    }

    public SandboxOptions withScenarios(List<ScenarioActivation> newScenarios) {
        return new SandboxOptions(port, seed, clock, speed, wallClock, newScenarios, maxCases);
    }

    public SandboxOptions withMaxCases(int newMaxCases) {
        return new SandboxOptions(port, seed, clock, speed, wallClock, scenarios, newMaxCases);
    }
}
