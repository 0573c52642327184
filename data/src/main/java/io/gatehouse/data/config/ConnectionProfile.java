package io.gatehouse.data.config;

import java.net.URI;
import java.time.Instant;

/**
 * One named set of connections. A missing fraud-queue or telemetry source falls back to the
 * sandbox when {@code sandbox} is set.
 */
public record ConnectionProfile(Sandbox sandbox, CaseApi caseApi, Prometheus prometheus, Token token) {

    /**
     * The embedded sandbox checkout platform. {@code scenarios} are attacks ({@code name} or
     * {@code name:region}) it plays from two simulated hours after its start, once the anomaly
     * detector has learned the quiet world.
     */
    public record Sandbox(Long seed, Double speed, Instant clock, java.util.List<String> scenarios) {
        /** How long after the start listed scenarios begin. */
        public static final java.time.Duration SCENARIO_DELAY = java.time.Duration.ofHours(2);

        public Sandbox {
            scenarios = scenarios == null ? java.util.List.of() : java.util.List.copyOf(scenarios);
        }

        /** A sandbox that plays no attack. */
        public Sandbox(Long seed, Double speed, Instant clock) {
            this(seed, speed, clock, null);
        }

        public long seedOrDefault() {
            return seed == null ? 42L : seed;
        }

        public double speedOrDefault() {
            return speed == null ? 1.0 : speed;
        }
    }

    /** A merchant backend that serves the Case API; the API key is named, not written here. */
    public record CaseApi(URI url, String apiKeySecret) {
    }

    /** A Prometheus-compatible telemetry server. */
    public record Prometheus(URI url, String regionLabel, String bearerTokenSecret) {
        public String regionLabelOrDefault() {
            return regionLabel == null ? "region" : regionLabel;
        }
    }

    /** A PKCS#11 module and the label of the token to use on it. */
    public record Token(String module, String label) {
    }

    /** True when the sandbox serves at least one source of this profile. */
    public boolean usesSandbox() {
        return sandbox != null && (caseApi == null || prometheus == null);
    }
}
