package io.gatehouse.data.config;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * One named set of connections. A missing fraud-queue or telemetry source falls back to the
 * sandbox when {@code sandbox} is set.
 */
public record ConnectionProfile(Sandbox sandbox, CaseApi caseApi, Prometheus prometheus, Token token, Stripe stripe,
        Jwks jwks, SecurityEvents securityEvents) {

    /** A profile without a JWKS registry or a security event stream of its own. */
    public ConnectionProfile(Sandbox sandbox, CaseApi caseApi, Prometheus prometheus, Token token, Stripe stripe) {
        this(sandbox, caseApi, prometheus, token, stripe, (Jwks) null, (SecurityEvents) null);
    }

    /** A profile without a configured security event stream (the sandbox's is used when it runs). */
    public ConnectionProfile(Sandbox sandbox, CaseApi caseApi, Prometheus prometheus, Token token, Stripe stripe,
            Jwks jwks) {
        this(sandbox, caseApi, prometheus, token, stripe, jwks, (SecurityEvents) null);
    }

    /** A profile without a JWKS registry of its own. */
    public ConnectionProfile(Sandbox sandbox, CaseApi caseApi, Prometheus prometheus, Token token, Stripe stripe,
            SecurityEvents securityEvents) {
        this(sandbox, caseApi, prometheus, token, stripe, (Jwks) null, securityEvents);
    }

    /** A profile without a Stripe account. */
    public ConnectionProfile(Sandbox sandbox, CaseApi caseApi, Prometheus prometheus, Token token) {
        this(sandbox, caseApi, prometheus, token, null, (Jwks) null, (SecurityEvents) null);
    }

    /**
     * The checkout backend's signed security event stream. {@code scheme} is how its events are
     * signed: stripe, adyen or shopify. Without {@code url} the sandbox's stream is read, signed with
     * the sandbox's own secret; with one, {@code signingSecret} names the shared secret in the secret
     * store (never the secret itself).
     */
    public record SecurityEvents(URI url, String scheme, String signingSecret) {
        /** The scheme used when none is configured. */
        public static final String DEFAULT_SCHEME = "stripe";
        public static final java.util.List<String> SCHEMES = java.util.List.of("stripe", "adyen", "shopify");

        public String schemeOrDefault() {
            return scheme == null ? DEFAULT_SCHEME : scheme;
        }
    }

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

    /**
     * A merchant backend that serves the Case API; the API key is named, not written here. The
     * optional {@code caBundle}, {@code pins} and {@code clientCertificate} tighten its TLS.
     */
    public record CaseApi(URI url, String apiKeySecret, String caBundle, java.util.List<String> pins,
            ClientCertificate clientCertificate) {
        public CaseApi {
            pins = pins == null ? java.util.List.of() : java.util.List.copyOf(pins);
        }

        /** A Case API with the system trust store only. */
        public CaseApi(URI url, String apiKeySecret) {
            this(url, apiKeySecret, null, null, null);
        }

        public TransportSecurity security() {
            return new TransportSecurity(caBundle, pins, clientCertificate);
        }
    }

    /**
     * A Stripe account whose Radar reviews are the fraud queue. The API key is named, not written
     * here; {@code url} defaults to Stripe's API and is set only to reach a test double. The value
     * list maps take an allowlist type ({@code card_fingerprint}, {@code email}, {@code customer},
     * {@code ip_address}, {@code device}) to the id of a Radar value list ({@code rsl_...}).
     */
    public record Stripe(URI url, String apiKeySecret, String apiVersion, Map<String, String> allowLists,
            Map<String, String> blockLists, String caBundle, java.util.List<String> pins,
            ClientCertificate clientCertificate) {
        public Stripe {
            allowLists = allowLists == null ? Map.of() : Map.copyOf(allowLists);
            blockLists = blockLists == null ? Map.of() : Map.copyOf(blockLists);
            pins = pins == null ? java.util.List.of() : java.util.List.copyOf(pins);
        }

        /** A Stripe account reached with the system trust store only. */
        public Stripe(URI url, String apiKeySecret, String apiVersion, Map<String, String> allowLists,
                Map<String, String> blockLists) {
            this(url, apiKeySecret, apiVersion, allowLists, blockLists, null, null, null);
        }

        public TransportSecurity security() {
            return new TransportSecurity(caBundle, pins, clientCertificate);
        }
    }

    /** A Prometheus-compatible telemetry server. */
    public record Prometheus(URI url, String regionLabel, String bearerTokenSecret, String caBundle,
            java.util.List<String> pins, ClientCertificate clientCertificate) {
        public Prometheus {
            pins = pins == null ? java.util.List.of() : java.util.List.copyOf(pins);
        }

        /** A Prometheus server reached with the system trust store only. */
        public Prometheus(URI url, String regionLabel, String bearerTokenSecret) {
            this(url, regionLabel, bearerTokenSecret, null, null, null);
        }

        public TransportSecurity security() {
            return new TransportSecurity(caBundle, pins, clientCertificate);
        }

        public String regionLabelOrDefault() {
            return regionLabel == null ? "region" : regionLabel;
        }
    }

    /**
     * A PKCS#11 module and the label of the token to use on it. {@code pinSecret} names the secret that holds
     * the token's PIN for the console's unattended work (the timed signing of the audit head); people still
     * type the PIN for everything else.
     */
    public record Token(String module, String label, String pinSecret) {
        /** A token whose PIN is only ever typed. */
        public Token(String module, String label) {
            this(module, label, null);
        }
    }

    /**
     * The JWKS registry the console publishes the checkout signing keys to: the base URL under which it takes
     * {@code PUT admin/jwks} and serves {@code .well-known/jwks.json}, and the name of the secret holding its
     * admin bearer token.
     */
    public record Jwks(URI url, String adminTokenSecret) {
    }

    /** True when the sandbox serves at least one source of this profile, with the fraud queue chosen by default. */
    public boolean usesSandbox() {
        return usesSandbox(null);
    }

    /** True when the sandbox serves at least one source of this profile, given the configured review source. */
    public boolean usesSandbox(ReviewSource reviewSource) {
        return sandbox != null && (fraudQueue(reviewSource) == ReviewSource.SANDBOX || prometheus == null);
    }

    /** Where the fraud queue comes from: the configured source, or the Case API when there is one, else the sandbox. */
    public ReviewSource fraudQueue(ReviewSource configured) {
        if (configured != null) {
            return configured;
        }
        return caseApi != null ? ReviewSource.CASE_API : ReviewSource.SANDBOX;
    }
}
