package io.gatehouse.data.keys.token;

/**
 * How a key on the token signs. The output of {@link TokenSession#sign} is the signature as JOSE
 * uses it: ECDSA signatures are the fixed-length concatenation r || s (IEEE P1363), not DER.
 */
public enum SignatureMechanism {
    /** ECDSA over SHA-256 of the data (ES256 with a P-256 key). */
    ECDSA_SHA256(KeyAlgorithm.EC_P256, KeyAlgorithm.EC_P384),
    /** ECDSA over SHA-384 of the data (ES384 with a P-384 key). */
    ECDSA_SHA384(KeyAlgorithm.EC_P256, KeyAlgorithm.EC_P384),
    /** RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt (PS256). */
    RSA_PSS_SHA256(KeyAlgorithm.RSA_3072),
    /** RSASSA-PKCS1-v1_5 with SHA-256 (RS256). */
    RSA_PKCS1_SHA256(KeyAlgorithm.RSA_3072),
    /** Pure Ed25519 (EdDSA). */
    ED25519(KeyAlgorithm.ED25519);

    private final java.util.Set<KeyAlgorithm> algorithms;

    SignatureMechanism(KeyAlgorithm first, KeyAlgorithm... more) {
        this.algorithms = java.util.EnumSet.of(first, more);
    }

    /** Whether keys of this algorithm can sign with this mechanism. */
    public boolean fits(KeyAlgorithm algorithm) {
        return algorithms.contains(algorithm);
    }
}
