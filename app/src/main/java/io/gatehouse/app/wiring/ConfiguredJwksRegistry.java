package io.gatehouse.app.wiring;

import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.jwks.JwksRegistryClient;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.config.ConnectionProfile;
import io.gatehouse.data.keys.JwksPublisher;
import io.gatehouse.data.secrets.Secret;
import io.gatehouse.data.secrets.SecretStore;
import io.gatehouse.data.time.Sleeper;
import java.net.URI;
import java.security.PublicKey;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The JWKS registry named in the profile ({@code jwks.url}), reached over the common HTTP client with its TLS
 * rules. The admin token is read from the secret store at each call, so the console can start with the store
 * locked and publish once it is unlocked; it is never kept in a field.
 */
public final class ConfiguredJwksRegistry implements JwksPublisher {
    private final UpstreamClient http;
    private final URI base;
    private final String secretName;
    private final Supplier<Optional<SecretStore>> secrets;

    public ConfiguredJwksRegistry(ConnectionProfile.Jwks jwks, Supplier<Optional<SecretStore>> secrets, InstantSource clock) {
        Objects.requireNonNull(jwks, "jwks");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.secretName = jwks.adminTokenSecret();
        String url = jwks.url().toString();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.http = new UpstreamClient("JWKS registry", HttpClients.standard(null), clock, Sleeper.system(),
                RandomGenerator.getDefault(), 3, Duration.ofSeconds(5));
    }

    /** Where the registry is, for the area's "publishes to" line. */
    public URI base() {
        return base;
    }

    @Override
    public String keyId(PublicKey key) {
        return JwksRegistryClient.thumbprint(key);
    }

    @Override
    public void publish(List<PublicKey> keys) {
        client().publish(keys);
    }

    @Override
    public Set<String> servedKeyIds() {
        return client().servedKeyIds();
    }

    private JwksRegistryClient client() {
        Secret secret = secrets.get().flatMap(store -> store.get(secretName)).orElseThrow(() -> new GatehouseException(
                FailureKind.PERMISSION, "The JWKS registry's admin token is in the secret '" + secretName + "', and the"
                        + " secret store is locked or does not hold it. Unlock the store under Connections (or add the"
                        + " secret with gatehouse secrets set " + secretName + "), then try again."));
        try (secret) {
            return new JwksRegistryClient(http, base, new String(secret.chars()).strip());
        }
    }
}
