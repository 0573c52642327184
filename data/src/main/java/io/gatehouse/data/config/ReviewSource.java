package io.gatehouse.data.config;

import java.util.Arrays;
import java.util.Optional;

/** Which upstream serves the review desk's fraud queue; written in the configuration as {@link #configName()}. */
public enum ReviewSource {
    CASE_API("caseApi"),
    STRIPE("stripe"),
    SANDBOX("sandbox");

    private final String configName;

    ReviewSource(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** The source written as {@code name} in the configuration, if any is. */
    public static Optional<ReviewSource> fromConfig(String name) {
        return Arrays.stream(values()).filter(s -> s.configName.equals(name)).findFirst();
    }
}
