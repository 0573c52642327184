package io.gatehouse.connectors.sandbox.scenario;

import io.gatehouse.connectors.sandbox.world.Region;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/** A scenario to switch on and the region it targets. */
public record ScenarioActivation(AttackScenario scenario, Region region) {

    public ScenarioActivation {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(region, "region");
    }

    public static ScenarioActivation of(AttackScenario scenario) {
        return new ScenarioActivation(scenario, scenario.defaultRegion());
    }

    /**
     * Parses {@code name} or {@code name:region}, as given on the command line.
     *
     * @throws IllegalArgumentException naming the valid choices
     */
    public static ScenarioActivation parse(String text) {
        String[] parts = text.split(":", 2);
        AttackScenario scenario = AttackScenario.fromWireName(parts[0].trim()).orElseThrow(() ->
                new IllegalArgumentException("unknown scenario '" + parts[0] + "'; choose one of "
                        + Arrays.stream(AttackScenario.values()).map(AttackScenario::wireName)
                        .collect(Collectors.joining(", "))));
        if (parts.length == 1) {
            return of(scenario);
        }
        Region region = Region.fromWireName(parts[1].trim()).orElseThrow(() ->
                new IllegalArgumentException("unknown region '" + parts[1] + "'; choose one of "
                        + Arrays.stream(Region.values()).map(Region::wireName).collect(Collectors.joining(", "))));
        return new ScenarioActivation(scenario, region);
    }
}
