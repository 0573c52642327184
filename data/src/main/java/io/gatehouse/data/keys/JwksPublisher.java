package io.gatehouse.data.keys;

import java.security.PublicKey;
import java.util.List;
import java.util.Set;

/**
 * The JWKS registry that relying parties fetch the checkout signing keys from. Every method does
 * blocking network I/O; failures are {@link io.gatehouse.data.GatehouseException}s of kind
 * UPSTREAM or PERMISSION.
 */
public interface JwksPublisher {
    /** The key id a public key is published under: its RFC 7638 JWK thumbprint (SHA-256, base64url). */
    String keyId(PublicKey key);

    /** Replaces the registry's key set with exactly these public keys, each under its {@link #keyId}. */
    void publish(List<PublicKey> keys);

    /** The key ids the registry serves now, as a relying party would fetch them. */
    Set<String> servedKeyIds();
}
