package io.gatehouse.connectors.connections;

import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.TlsSettings;
import io.gatehouse.connectors.pkcs11.TokenKeyManagers;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.config.ClientCertificate;
import io.gatehouse.data.config.TransportSecurity;
import io.gatehouse.data.connections.ConnectionEntry;
import io.gatehouse.data.connections.Transport;
import io.gatehouse.data.keys.token.PinSource;
import io.gatehouse.data.keys.token.TokenInfo;
import io.gatehouse.data.secrets.Secret;
import io.gatehouse.data.secrets.SecretStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import okhttp3.OkHttpClient;

/**
 * One OkHttp client per connection, built from its configured TLS settings the first time it is
 * needed (a token PIN is asked then) and kept until the connection changes: a rotated secret or an
 * edited URL, CA bundle or pin makes the next call build it again.
 */
public final class ConnectionClients {
    private final Function<String, Optional<ConnectionEntry>> entries;
    private final Path configFile;
    private final Supplier<Optional<SecretStore>> secrets;
    private final PinSource pins;
    private final Map<String, Built> built = new ConcurrentHashMap<>();

    private record Built(ConnectionEntry entry, OkHttpClient client) {
    }

    /**
     * @param entries    the connection of a name as currently configured
     * @param configFile relative CA bundle and PKCS#12 paths are taken from its folder
     * @param secrets    the unlocked secret store, or empty while locked
     * @param pins       asks for a token PIN when a client key on a token is first used
     */
    public ConnectionClients(Function<String, Optional<ConnectionEntry>> entries, Path configFile,
            Supplier<Optional<SecretStore>> secrets, PinSource pins) {
        this.entries = Objects.requireNonNull(entries, "entries");
        this.configFile = configFile;
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.pins = Objects.requireNonNull(pins, "pins");
    }

    /** The client of the connection named {@code name}, for an {@code UpstreamClient} that asks at each call. */
    public Supplier<OkHttpClient> supplier(String name) {
        return () -> client(entries.apply(name).orElseThrow(() -> new GatehouseException(FailureKind.CONFIGURATION,
                "The connection '" + name + "' is no longer configured.")));
    }

    /** The client for {@code entry}; built again when its settings differ from the last one built. */
    public OkHttpClient client(ConnectionEntry entry) {
        Built current = built.get(entry.name());
        if (current != null && sameSettings(current.entry(), entry)) {
            return current.client();
        }
        synchronized (this) {
            current = built.get(entry.name());
            if (current != null && sameSettings(current.entry(), entry)) {
                return current.client();
            }
            OkHttpClient client = build(entry);
            Built old = built.put(entry.name(), new Built(entry, client));
            if (old != null) {
                close(old.client());
            }
            return client;
        }
    }

    /**
     * The client already built for {@code entry}'s current settings, without building one: for callers that must
     * never cause a PIN prompt, such as a background health check.
     */
    public Optional<OkHttpClient> builtClient(ConnectionEntry entry) {
        Built current = built.get(entry.name());
        return current != null && sameSettings(current.entry(), entry) ? Optional.of(current.client()) : Optional.empty();
    }

    /** Forgets the client of {@code name} and closes its pooled connections; the next call builds a new one. */
    public void rebuild(String name) {
        Built old = built.remove(name);
        if (old != null) {
            close(old.client());
        }
    }

    /** The names whose client is built, for tests and diagnostics. */
    public Set<String> builtNames() {
        return Set.copyOf(built.keySet());
    }

    private static boolean sameSettings(ConnectionEntry a, ConnectionEntry b) {
        return Objects.equals(a.url(), b.url()) && a.security().equals(b.security());
    }

    private OkHttpClient build(ConnectionEntry entry) {
        if (entry.transport() == Transport.INSECURE_LOOPBACK) {
            return HttpClients.standard(null);
        }
        TransportSecurity security = entry.security();
        TlsSettings tls = TlsSettings.systemDefault().withPins(security.bareKeyPins());
        if (security.caBundle() != null) {
            tls = tls.withExtraTrustAnchors(TlsSettings.readPemBundle(TransportSecurity.resolve(configFile,
                    security.caBundle())));
        }
        if (security.clientCertificate() != null) {
            tls = tls.withClientKeys(clientKeys(entry.name(), security.clientCertificate()));
        }
        return HttpClients.secured(entry.url(), null, tls);
    }

    private KeyManager[] clientKeys(String connection, ClientCertificate cert) {
        if (cert.tokenHeld()) {
            char[] pin = pins.pinFor(new TokenInfo(cert.token(), "", "", "", Set.of(), List.of()));
            return TokenKeyManagers.forKey(Path.of(cert.module()), cert.token(), pin, cert.key());
        }
        SecretStore store = secrets.get().orElseThrow(() -> new GatehouseException(FailureKind.PERMISSION,
                "The client certificate of '" + connection + "' needs the password '" + cert.passwordSecret()
                        + "' from the secret store, which is locked. Unlock it, then test again."));
        try (Secret password = store.get(cert.passwordSecret()).orElseThrow(() -> new GatehouseException(
                FailureKind.CONFIGURATION, "There is no secret named '" + cert.passwordSecret() + "' for the client"
                        + " certificate of '" + connection + "'. Add it under Connections."))) {
            // pkcs12ClientKeys wipes the copy it is given
            return TlsSettings.pkcs12ClientKeys(TransportSecurity.resolve(configFile, cert.pkcs12()),
                    password.chars().clone());
        }
    }

    private static void close(OkHttpClient client) {
        client.connectionPool().evictAll();
    }
}
