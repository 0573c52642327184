package io.gatehouse.data.keys.token;

import java.security.PublicKey;
import java.util.List;

/**
 * A logged-in session on one token. Keys are addressed by label, which Gatehouse keeps unique
 * per token. A session serializes its own calls; close it when done.
 */
public interface TokenSession extends AutoCloseable {
    /** The token this session is on. */
    TokenInfo token();

    /** Every key and certificate object on the token, with its attributes. */
    List<KeyObject> listKeys();

    /**
     * Generates a key pair on the token. The private key is sensitive, never extractable,
     * private and persistent; both halves carry this label and id.
     *
     * @param id the object id, 1 to 64 bytes; unique on the token like the label
     * @throws TokenException {@code DUPLICATE_LABEL} when an object already has this label or id
     * @throws IllegalArgumentException when {@code algorithm} is not a key pair algorithm
     */
    GeneratedKey generateKeyPair(KeyAlgorithm algorithm, String label, byte[] id);

    /**
     * Generates a persistent secret key on the token, sensitive and never extractable.
     *
     * @throws TokenException {@code DUPLICATE_LABEL} when an object already has this label or id
     * @throws IllegalArgumentException when {@code algorithm} is a key pair algorithm
     */
    GeneratedKey generateSecretKey(KeyAlgorithm algorithm, String label, byte[] id);

    /**
     * Signs {@code data} with the private key of this label. ECDSA signatures come back as
     * r || s, each padded to the curve's size.
     */
    byte[] sign(String label, SignatureMechanism mechanism, byte[] data);

    /** The public key of the pair with this label, as a JCA key whose encoding is the SPKI DER. */
    PublicKey publicKey(String label);

    /** Destroys every object (private, public, secret key, certificate) with this label. */
    void destroy(String label);

    /** Closes the session; the token logs out when its last session closes. */
    @Override
    void close();
}
