package io.gatehouse.data.connections;

import io.gatehouse.data.config.ConnectionProfile;
import io.gatehouse.data.config.GatehouseConfig;
import io.gatehouse.data.config.ReviewSource;
import io.gatehouse.data.config.TransportSecurity;
import io.gatehouse.data.health.ConnectionKind;
import io.gatehouse.data.secrets.SecretStore;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Lists the active profile's connections in the order the console uses them. */
public final class ConnectionEntries {
    /** Stripe's API when a profile does not name a test double. */
    public static final URI STRIPE_API = URI.create("https://api.stripe.com");

    private ConnectionEntries() {
    }

    /**
     * The connections of the active profile; {@code sandboxUrl} is where the embedded sandbox listens,
     * or null when it does not run; {@code secrets} gives the unlocked store, or empty while locked.
     */
    public static List<ConnectionEntry> of(GatehouseConfig config, URI sandboxUrl, Supplier<Optional<SecretStore>> secrets) {
        ConnectionProfile profile = config.activeProfile();
        Optional<SecretStore> store = secrets.get();
        List<ConnectionEntry> entries = new ArrayList<>();
        if (profile.sandbox() != null && sandboxUrl != null) {
            entries.add(entry("sandbox", ConnectionKind.SANDBOX, sandboxUrl, TransportSecurity.none(), null, store));
        }
        ReviewSource source = config.reviewSource();
        if (profile.caseApi() != null) {
            entries.add(entry("caseApi", ConnectionKind.FRAUD_QUEUE, profile.caseApi().url(),
                    profile.caseApi().security(), profile.caseApi().apiKeySecret(), store)
                    .monitored(source == ReviewSource.CASE_API));
        }
        if (profile.stripe() != null) {
            URI url = profile.stripe().url() == null ? STRIPE_API : profile.stripe().url();
            entries.add(entry("stripe", ConnectionKind.FRAUD_QUEUE, url, profile.stripe().security(),
                    profile.stripe().apiKeySecret(), store).monitored(source == ReviewSource.STRIPE));
        }
        if (profile.prometheus() != null) {
            entries.add(entry("prometheus", ConnectionKind.TELEMETRY, profile.prometheus().url(),
                    profile.prometheus().security(), profile.prometheus().bearerTokenSecret(), store));
        }
        return List.copyOf(entries);
    }

    /** Whether {@code name} is stored, without reading its value. */
    public static SecretState stateOf(String name, Optional<SecretStore> store) {
        if (name == null) {
            return SecretState.NONE;
        }
        return store.map(s -> s.names().contains(name) ? SecretState.STORED : SecretState.MISSING)
                .orElse(SecretState.LOCKED);
    }

    private static ConnectionEntry entry(String name, ConnectionKind kind, URI url, TransportSecurity security,
            String secretName, Optional<SecretStore> store) {
        return new ConnectionEntry(name, kind, url, Transport.of(url, security), security, secretName,
                stateOf(secretName, store), true);
    }
}
