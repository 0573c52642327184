package io.gatehouse.connectors.pkcs11;

import io.gatehouse.data.keys.token.KeyAlgorithm;
import java.util.Arrays;
import java.util.HexFormat;

/** The named curves Gatehouse knows, as DER-encoded object identifiers (the value of CKA_EC_PARAMS). */
enum Curves {
    P256("P-256", "secp256r1", 32, "06082a8648ce3d030107"),
    P384("P-384", "secp384r1", 48, "06052b81040022"),
    P521("P-521", "secp521r1", 66, "06052b81040023"),
    ED25519("Ed25519", "Ed25519", 32, "06032b6570"),
    ED448("Ed448", "Ed448", 57, "06032b6571");

    final String displayName;
    final String jcaName;
    /** Bytes of one coordinate (Weierstrass) or of the public key (Edwards). */
    final int size;
    final byte[] oid;

    Curves(String displayName, String jcaName, int size, String oidHex) {
        this.displayName = displayName;
        this.jcaName = jcaName;
        this.size = size;
        this.oid = HexFormat.of().parseHex(oidHex);
    }

    static Curves of(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case EC_P256 -> P256;
            case EC_P384 -> P384;
            case ED25519 -> ED25519;
            default -> throw new IllegalArgumentException(algorithm + " is not an elliptic curve algorithm");
        };
    }

    /** The curve of these EC parameters, or null when they are not one of ours. */
    static Curves fromParams(byte[] ecParams) {
        if (ecParams == null) {
            return null;
        }
        for (Curves c : values()) {
            if (Arrays.equals(c.oid, ecParams)) {
                return c;
            }
        }
        // some tokens name Edwards curves with a PrintableString instead of an OID
        String text = ecParams.length > 2 && ecParams[0] == 0x13
                ? new String(ecParams, 2, ecParams.length - 2, java.nio.charset.StandardCharsets.US_ASCII) : "";
        return switch (text) {
            case "edwards25519" -> ED25519;
            case "edwards448" -> ED448;
            default -> null;
        };
    }

    boolean edwards() {
        return this == ED25519 || this == ED448;
    }
}
