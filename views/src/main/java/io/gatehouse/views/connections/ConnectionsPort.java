package io.gatehouse.views.connections;

import io.gatehouse.data.connections.ConnectionCheck;
import io.gatehouse.data.connections.ConnectionEdit;
import io.gatehouse.data.connections.ConnectionEntry;
import java.util.List;

/** What the Connections area needs from the composition root; every method blocks and runs off the FX thread. */
public interface ConnectionsPort {
    /** The configured connections, with whether each one's secret is stored. */
    List<ConnectionEntry> entries();

    /** Tests one connection now with its real TLS settings. */
    ConnectionCheck test(ConnectionEntry connection);

    /** Replaces a connection's secret; {@code value} is wiped whatever happens. Needs a fresh proof. */
    void rotateSecret(String connection, String secretName, char[] value);

    /** Writes new URL, CA bundle and pins of a connection to the configuration file. Needs a fresh proof. */
    void edit(String connection, ConnectionEdit edit);

    /**
     * Where a token PIN for a client certificate is asked from now on: the window's PIN dialog once
     * the console shows one. Until then such a connection cannot present its certificate.
     */
    default void askPinsWith(io.gatehouse.data.keys.token.PinSource pins) {
    }
}
