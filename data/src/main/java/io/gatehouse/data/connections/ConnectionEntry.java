package io.gatehouse.data.connections;

import io.gatehouse.data.config.TransportSecurity;
import io.gatehouse.data.health.ConnectionKind;
import java.net.URI;
import java.util.Objects;

/**
 * One configured connection as the Connections area shows it.
 *
 * @param name        the configuration section (caseApi, stripe, prometheus, sandbox)
 * @param kind        what it serves, which ties it to its health check
 * @param url         where it goes
 * @param transport   how it is protected
 * @param security    its CA bundle, pins and client certificate as configured
 * @param secretName  the name of its secret, or null
 * @param secretState whether that secret is stored
 * @param monitored   true when the console uses it, so the health check of its kind is its own
 */
public record ConnectionEntry(String name, ConnectionKind kind, URI url, Transport transport, TransportSecurity security,
        String secretName, SecretState secretState, boolean monitored) {
    public ConnectionEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(transport, "transport");
        security = security == null ? TransportSecurity.none() : security;
        secretState = secretName == null ? SecretState.NONE : Objects.requireNonNull(secretState, "secretState");
    }

    /** True when the connection trusts the system store only. */
    public boolean systemTrustOnly() {
        return security.caBundle() == null;
    }

    /** The same entry with the secret's state looked up again. */
    public ConnectionEntry withSecretState(SecretState state) {
        return new ConnectionEntry(name, kind, url, transport, security, secretName, state, monitored);
    }

    /** The same entry, used by the console or configured but idle. */
    public ConnectionEntry monitored(boolean inUse) {
        return new ConnectionEntry(name, kind, url, transport, security, secretName, secretState, inUse);
    }
}
