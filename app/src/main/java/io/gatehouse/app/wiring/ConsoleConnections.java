package io.gatehouse.app.wiring;

import io.gatehouse.connectors.connections.ConnectionClients;
import io.gatehouse.connectors.connections.HttpConnectionTester;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.config.ConfigChangeAudit;
import io.gatehouse.data.config.ClientCertificate;
import io.gatehouse.data.config.ConfigLoader;
import io.gatehouse.data.config.GatehouseConfig;
import io.gatehouse.data.connections.ConnectionCheck;
import io.gatehouse.data.connections.ConnectionEdit;
import io.gatehouse.data.connections.ConnectionEntries;
import io.gatehouse.data.connections.ConnectionEntry;
import io.gatehouse.data.connections.ConnectionSettings;
import io.gatehouse.data.files.SafeFileWriter;
import io.gatehouse.data.keys.token.PinSource;
import io.gatehouse.data.operator.FreshProofRequiredException;
import io.gatehouse.views.connections.ConnectionsAccess;
import io.gatehouse.views.connections.ConnectionsPort;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * The console's connections as the Connections area sees them: listed from the configuration in
 * force, tested with the clients the connectors really use, changed through {@link ConnectionSettings}.
 * A change replaces the configuration in force and makes the connection's client be built again.
 */
public final class ConsoleConnections implements ConnectionsPort {
    private final Composition composition;
    private final URI sandboxUrl;
    private final ConnectionClients clients;
    private final HttpConnectionTester tester;
    private final ConnectionSettings settings;
    private volatile GatehouseConfig config;
    private volatile PinSource pins = token -> {
        throw new GatehouseException(FailureKind.PERMISSION, "The PIN of token '" + token.label()
                + "' for a client certificate is asked in the console window; open the console, then test again.");
    };

    public ConsoleConnections(Composition composition, URI sandboxUrl, InstantSource clock) {
        this.composition = composition;
        this.sandboxUrl = sandboxUrl;
        this.config = composition.config();
        this.clients = new ConnectionClients(this::find, composition.directories().configFile(),
                composition.secrets()::current, token -> pins.pinFor(token));
        this.tester = new HttpConnectionTester(clients, clock, ConsoleConnections::checkAddress);
        this.settings = new ConnectionSettings(composition.directories().configFile(), new ConfigLoader(),
                new SafeFileWriter(), new ConfigChangeAudit(composition.store(), composition.auditLog(), clock),
                composition.auditLog(), composition.session(), composition.secrets()::current, clients::rebuild);
    }

    /** What the shell needs: these connections and the passphrase step-up of the local operator session. */
    public ConnectionsAccess access() {
        return new ConnectionsAccess(this, this::proofFresh, passphrase -> {
            try {
                composition.session().proveWithPassphrase(passphrase);
                return true;
            } catch (GatehouseException e) {
                return false;
            } finally {
                java.util.Arrays.fill(passphrase, '\0');
            }
        }, null);
    }

    /** The clients each connector asks for at each call, so a change reaches them at once. */
    public ConnectionClients clients() {
        return clients;
    }

    /**
     * The client a background health check of {@code name} uses: the connection's own CA bundle, pins and client
     * certificate, with the check's short timeouts, so a server that demands a client certificate is checked with
     * it. A certificate in a PKCS#12 file is opened with its password from the secret store. A key on a token is
     * presented once its PIN has been entered for a test or a call: a background check never asks for a PIN. Until
     * then, and while the store holding a PKCS#12 password is locked, the result says what the check waits for.
     */
    HealthClient healthClient(String name, OkHttpClient plain) {
        Optional<ConnectionEntry> entry = find(name);
        if (entry.isEmpty() || entry.get().security().isEmpty()) {
            return HealthClient.ready(plain);
        }
        ClientCertificate certificate = entry.get().security().clientCertificate();
        OkHttpClient configured;
        if (certificate != null && certificate.tokenHeld()) {
            Optional<OkHttpClient> built = clients.builtClient(entry.get());
            if (built.isEmpty()) {
                return HealthClient.waiting("Waiting for the PIN of token '" + certificate.token() + "': this connection"
                        + " presents a client certificate from it. Test it under Connections to enter the PIN; the"
                        + " checks present the certificate from then on.");
            }
            configured = built.get();
        } else {
            try {
                configured = clients.client(entry.get());
            } catch (GatehouseException e) {
                return HealthClient.waiting("Not checked: " + e.getMessage());
            }
        }
        return HealthClient.ready(configured.newBuilder()
                .connectTimeout(plain.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(plain.readTimeoutMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(plain.callTimeoutMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false).followRedirects(false).build());
    }

    /** A client for a health check, or the sentence saying why there is none yet. */
    record HealthClient(OkHttpClient client, String waiting) {
        static HealthClient ready(OkHttpClient client) {
            return new HealthClient(client, null);
        }

        static HealthClient waiting(String why) {
            return new HealthClient(null, why);
        }
    }

    private boolean proofFresh() {
        try {
            composition.session().requireFreshProof(ConnectionSettings.STEP_UP_WINDOW);
            return true;
        } catch (FreshProofRequiredException e) {
            return false;
        }
    }

    private Optional<ConnectionEntry> find(String name) {
        return entries().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    @Override
    public List<ConnectionEntry> entries() {
        return ConnectionEntries.of(config, sandboxUrl, composition.secrets()::current);
    }

    @Override
    public ConnectionCheck test(ConnectionEntry connection) {
        return tester.test(connection);
    }

    @Override
    public void rotateSecret(String connection, String secretName, char[] value) {
        settings.rotateSecret(connection, secretName, value);
    }

    @Override
    public void edit(String connection, ConnectionEdit edit) {
        config = settings.edit(connection, edit);
    }

    @Override
    public void askPinsWith(PinSource source) {
        pins = source;
    }

    /** Where a test asks: an address each kind of server answers without side effects. */
    static URI checkAddress(ConnectionEntry entry) {
        String base = entry.url().toString().replaceAll("/+$", "");
        return switch (entry.name()) {
            case "caseApi" -> ConsoleRuntime.caseListUrl(entry.url());
            case "stripe" -> URI.create(base + "/v1/reviews?limit=1");
            case "prometheus" -> entry.url().resolve("/-/healthy");
            default -> entry.url().resolve("/healthz");
        };
    }
}
