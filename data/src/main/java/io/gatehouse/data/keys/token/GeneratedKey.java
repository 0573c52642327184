package io.gatehouse.data.keys.token;

import java.util.Objects;
import java.util.Optional;

/**
 * What a generation left on the token.
 *
 * @param key the private key of a pair, or the secret key
 * @param publicKey the public key of a pair; empty for a secret key
 */
public record GeneratedKey(KeyObject key, Optional<KeyObject> publicKey) {
    public GeneratedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
