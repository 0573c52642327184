package io.gatehouse.app.wiring;

import io.gatehouse.connectors.health.HttpHealthProbe;
import io.gatehouse.data.health.ConnectionKind;
import io.gatehouse.data.health.HealthProbe;
import io.gatehouse.data.health.HealthState;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import okhttp3.OkHttpClient;

/**
 * The background check of a configured connection, made with that connection's own TLS settings as they are at
 * each check: an edited CA bundle or pin, or a client certificate unlocked since the last check, is used at once.
 */
final class ConnectionHealthProbe implements HealthProbe {
    private final String connection;
    private final ConnectionKind kind;
    private final String configuredName;
    private final URI url;
    private final ConsoleConnections connections;
    private final OkHttpClient plain;
    private final InstantSource clock;
    private final Duration slowAfter;

    ConnectionHealthProbe(String connection, ConnectionKind kind, String configuredName, URI url,
            ConsoleConnections connections, OkHttpClient plain, InstantSource clock, Duration slowAfter) {
        this.connection = connection;
        this.kind = kind;
        this.configuredName = configuredName;
        this.url = url;
        this.connections = connections;
        this.plain = plain;
        this.clock = clock;
        this.slowAfter = slowAfter;
    }

    @Override
    public String connection() {
        return connection;
    }

    @Override
    public ConnectionKind kind() {
        return kind;
    }

    @Override
    public Result check() {
        ConsoleConnections.HealthClient client = connections.healthClient(configuredName, plain);
        if (client.waiting() != null) {
            return new Result(HealthState.UNKNOWN, client.waiting());
        }
        return new HttpHealthProbe(connection, kind, url, client.client(), clock, slowAfter).check();
    }
}
