package io.gatehouse.data.keys;

import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.SignatureMechanism;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;

/** Public keys from their recorded SPKI DER, and software verification of token signatures. */
public final class SpkiKeys {
    private SpkiKeys() {
    }

    public static PublicKey decode(byte[] spki) {
        for (String type : new String[] {"EC", "RSA", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(spki));
            } catch (GeneralSecurityException e) {
                // not this type; try the next
            }
        }
        throw new IllegalArgumentException("the recorded public key is not an EC, RSA or Ed25519 SPKI");
    }

    /** Verifies a signature in the form {@code TokenSession.sign} returns it (r || s for ECDSA). */
    public static boolean verify(PublicKey key, SignatureMechanism mechanism, byte[] data, byte[] signature) {
        try {
            Signature verifier = switch (mechanism) {
                case ECDSA_SHA256 -> Signature.getInstance("SHA256withECDSAinP1363Format");
                case ECDSA_SHA384 -> Signature.getInstance("SHA384withECDSAinP1363Format");
                case RSA_PKCS1_SHA256 -> Signature.getInstance("SHA256withRSA");
                case ED25519 -> Signature.getInstance("Ed25519");
                case RSA_PSS_SHA256 -> {
                    Signature pss = Signature.getInstance("RSASSA-PSS");
                    pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                    yield pss;
                }
            };
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The algorithm a key ring must have for this key, for a check after generation. */
    public static boolean fits(PublicKey key, KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case EC_P256, EC_P384 -> key.getAlgorithm().equals("EC")
                    && ((java.security.interfaces.ECPublicKey) key).getParams().getCurve().getField().getFieldSize()
                    == (algorithm == KeyAlgorithm.EC_P256 ? 256 : 384);
            case RSA_3072 -> key.getAlgorithm().equals("RSA")
                    && ((java.security.interfaces.RSAPublicKey) key).getModulus().bitLength() == 3072;
            case ED25519 -> key.getAlgorithm().equals("EdDSA") || key.getAlgorithm().equals("Ed25519");
            case AES_256 -> false;
        };
    }
}
