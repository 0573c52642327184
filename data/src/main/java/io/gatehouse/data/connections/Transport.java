package io.gatehouse.data.connections;

import io.gatehouse.data.config.TransportSecurity;
import java.net.URI;

/** How a connection is protected on the wire, from weakest to strongest. */
public enum Transport {
    /** Plain HTTP, allowed only to this machine (loopback). */
    INSECURE_LOOPBACK,
    /** TLS verified against the trust store (system, plus the connection's CA bundle). */
    TLS,
    /** TLS whose server key must also match a pinned SPKI hash. */
    TLS_PINNED,
    /** Mutual TLS with a client key held on a PKCS#11 token. */
    MTLS_TOKEN,
    /** Mutual TLS with a client key read from a PKCS#12 file: development only, weaker. */
    MTLS_PKCS12;

    public static Transport of(URI url, TransportSecurity security) {
        if (url != null && "http".equalsIgnoreCase(url.getScheme())) {
            return INSECURE_LOOPBACK;
        }
        if (security.clientCertificate() != null) {
            return security.clientCertificate().tokenHeld() ? MTLS_TOKEN : MTLS_PKCS12;
        }
        return security.pins().isEmpty() ? TLS : TLS_PINNED;
    }

    /** True for the transports an operator should see a warning on. */
    public boolean weaker() {
        return this == INSECURE_LOOPBACK || this == MTLS_PKCS12;
    }
}
