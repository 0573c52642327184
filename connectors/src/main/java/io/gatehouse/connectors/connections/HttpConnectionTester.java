package io.gatehouse.connectors.connections;

import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.http.UpstreamException;
import io.gatehouse.connectors.http.UpstreamResponse;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.connections.CheckOutcome;
import io.gatehouse.data.connections.ConnectionCheck;
import io.gatehouse.data.connections.ConnectionEntry;
import io.gatehouse.data.connections.ConnectionTester;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Tests a connection with the client it really uses: one GET of its check address, once, no retry,
 * so the outcome is the handshake's and the server's own answer.
 */
public final class HttpConnectionTester implements ConnectionTester {
    private static final long MAX_BODY = 64 * 1024;

    private final ConnectionClients clients;
    private final InstantSource clock;
    private final Function<ConnectionEntry, URI> checkAddress;

    /** {@code checkAddress} gives the address to ask for each connection (a health or list endpoint). */
    public HttpConnectionTester(ConnectionClients clients, InstantSource clock, Function<ConnectionEntry, URI> checkAddress) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.checkAddress = Objects.requireNonNull(checkAddress, "checkAddress");
    }

    @Override
    public ConnectionCheck test(ConnectionEntry entry) {
        OkHttpClient client;
        try {
            client = clients.client(entry);
        } catch (GatehouseException | IllegalArgumentException e) {
            // the token, its PIN, the PKCS#12 file or its password: the token layer's sentence says which
            return new ConnectionCheck(entry.name(), CheckOutcome.CLIENT_KEY_UNAVAILABLE, 0, clock.instant(),
                    e.getMessage());
        }
        UpstreamClient upstream = new UpstreamClient(entry.name(), client, clock, d -> { },
                RandomGenerator.of("L64X128MixRandom"), 1, Duration.ofSeconds(1));
        try {
            UpstreamResponse response = upstream.execute(new Request.Builder().url(checkAddress.apply(entry).toString())
                    .build(), MAX_BODY);
            // 401 and 403 say the transport is sound and the server knows who asks; only a server error fails it
            CheckOutcome outcome = response.status() >= 500 ? CheckOutcome.HTTP_ERROR : CheckOutcome.OK;
            return new ConnectionCheck(entry.name(), outcome, response.status(), clock.instant(), "");
        } catch (UpstreamException e) {
            return new ConnectionCheck(entry.name(), e.outcome(), e.status(), clock.instant(), "");
        }
    }
}
