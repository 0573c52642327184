package io.gatehouse.data.keys.token;

/** The kinds of key Gatehouse generates on a token. */
public enum KeyAlgorithm {
    /** ECDSA on NIST P-256 (secp256r1), for ES256. */
    EC_P256(true, "P-256"),
    /** ECDSA on NIST P-384 (secp384r1), for ES384. */
    EC_P384(true, "P-384"),
    /** RSA with a 3072-bit modulus and public exponent 65537, for PS256 or RS256. */
    RSA_3072(true, "3072"),
    /** EdDSA on edwards25519, for EdDSA (Ed25519) signatures. */
    ED25519(true, "Ed25519"),
    /** A 256-bit AES secret key. */
    AES_256(false, "256");

    private final boolean keyPair;
    private final String sizeOrCurve;

    KeyAlgorithm(boolean keyPair, String sizeOrCurve) {
        this.keyPair = keyPair;
        this.sizeOrCurve = sizeOrCurve;
    }

    /** True for a public/private key pair, false for a secret key. */
    public boolean isKeyPair() {
        return keyPair;
    }

    /** The size or curve as {@link KeyObject#sizeOrCurve()} reports it for keys of this algorithm. */
    public String sizeOrCurve() {
        return sizeOrCurve;
    }
}
