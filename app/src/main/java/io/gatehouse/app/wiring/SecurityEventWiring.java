package io.gatehouse.app.wiring;

import io.gatehouse.connectors.events.EventStreamLimits;
import io.gatehouse.connectors.events.EventStreamProbe;
import io.gatehouse.connectors.events.SignatureScheme;
import io.gatehouse.connectors.events.SignedEventStream;
import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.data.config.ConnectionProfile;
import io.gatehouse.data.anomaly.ObservationSource;
import io.gatehouse.data.events.SecurityEventSignals;
import io.gatehouse.data.events.SignedEventObservations;
import io.gatehouse.data.health.HealthProbe;
import io.gatehouse.data.review.RetryPolicy;
import io.gatehouse.data.secrets.Secret;
import io.gatehouse.data.telemetry.HubLimits;
import io.gatehouse.data.telemetry.TelemetryHub;
import io.gatehouse.data.time.Sleeper;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The signed security event stream: the backend's, when the profile names one, or the sandbox's,
 * signed with the secret the sandbox made at its start. Read on a virtual thread of its own, with
 * reconnects; its counters reach the status bar and Connections through a health probe. The verified
 * login and token validation failures are counted per region and minute into a hub of their own
 * (bounded by {@link HubLimits#DEFAULT}), which the anomaly detector reads beside the scraped telemetry.
 */
final class SecurityEventWiring implements AutoCloseable {
    /** How long after a minute's end its events may still arrive before the detector counts the minute. */
    static final Duration LATE_EVENT_GRACE = Duration.ofMinutes(1);
    private static final RetryPolicy BACKOFF = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(2),
            RandomGenerator.of("L64X128MixRandom"));

    private final SignedEventStream stream;
    private final SecurityEventSignals signals;
    private final TelemetryHub hub;
    private final boolean simulatedTime;
    private final Thread reader;

    private SecurityEventWiring(SignedEventStream stream, SecurityEventSignals signals, TelemetryHub hub,
            boolean simulatedTime) {
        this.stream = stream;
        this.signals = signals;
        this.hub = hub;
        this.simulatedTime = simulatedTime;
        this.reader = Thread.ofVirtual().name("gatehouse-security-events").start(stream::run);
    }

    /**
     * The stream this profile reads, started; or null when the profile has neither a stream nor the sandbox.
     * {@code clock} checks the signatures' timestamps; the events are stamped in the sandbox's simulated
     * time when it is the source, so their hub keeps that time.
     */
    static SecurityEventWiring open(Composition composition, ConnectionProfile profile, SandboxRuntime sandbox,
            InstantSource clock) {
        ConnectionProfile.SecurityEvents configured = profile.securityEvents();
        if (configured == null && sandbox == null) {
            return null;
        }
        String schemeName = configured == null ? ConnectionProfile.SecurityEvents.DEFAULT_SCHEME
                : configured.schemeOrDefault();
        // the configuration rules allow only known names, so this cannot be empty
        SignatureScheme scheme = SignatureScheme.ofConfigName(schemeName).orElseThrow();
        URI url;
        String secretName;
        SignedEventStream.SecretSource secret;
        if (configured != null && configured.url() != null) {
            url = configured.url();
            secretName = configured.signingSecret();
            secret = () -> composition.secrets().current().flatMap(store -> store.get(secretName));
        } else {
            url = sandbox.baseUrl().resolve("/v1/security-events/stream?scheme=" + scheme.configName());
            secretName = "sandbox event signing";
            secret = () -> {
                char[] chars = sandbox.server().eventSigningSecret().toCharArray();
                try {
                    return Optional.of(Secret.copyOf(chars));
                } finally {
                    java.util.Arrays.fill(chars, '\0');
                }
            };
        }
        boolean simulatedTime = configured == null || configured.url() == null;
        InstantSource eventClock = simulatedTime ? () -> sandbox.server().simulatedNow() : clock;
        TelemetryHub hub = new TelemetryHub(HubLimits.DEFAULT, eventClock);
        SecurityEventSignals signals = new SecurityEventSignals(hub);
        SignedEventStream stream = new SignedEventStream(HttpClients.standard(null), url, scheme, secret, secretName,
                signals, clock, Sleeper.system(), BACKOFF, EventStreamLimits.DEFAULT);
        return new SecurityEventWiring(stream, signals, hub, simulatedTime);
    }

    HealthProbe probe() {
        return new EventStreamProbe("Security events (" + stream.scheme().configName() + ")", stream::stats);
    }

    SecurityEventSignals signals() {
        return signals;
    }

    /** True when the events come from the sandbox and are stamped in its simulated time. */
    boolean simulatedTime() {
        return simulatedTime;
    }

    /** The per-minute counts of verified events, as the detector reads them. */
    TelemetryHub hub() {
        return hub;
    }

    /** The detector's observations of the verified events, over {@code window}, while the stream is connected. */
    ObservationSource observations(Duration window) {
        return new SignedEventObservations(signals, hub, window, LATE_EVENT_GRACE, () -> stream.stats().connected());
    }

    SignedEventStream stream() {
        return stream;
    }

    @Override
    public void close() {
        stream.close();
        reader.interrupt();
    }
}
