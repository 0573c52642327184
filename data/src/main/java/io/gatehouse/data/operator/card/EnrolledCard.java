package io.gatehouse.data.operator.card;

import io.gatehouse.data.keys.token.SignatureMechanism;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An operator bound to the certificate on their smartcard, approved by a lead.
 *
 * @param operatorId  who the card belongs to
 * @param certificate the certificate whose public key checks the card's signatures
 * @param keyLabel    the label of the card's private key that signs challenges
 */
public record EnrolledCard(String operatorId, X509Certificate certificate, String keyLabel) {
    public EnrolledCard {
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(keyLabel, "keyLabel");
    }

    /** SHA-256 of the certificate, hex: how the audit log names the card. */
    public String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("the enrolled certificate cannot be encoded", e);
        }
    }

    /** The signature scheme the card uses for its key type. */
    public SignatureMechanism mechanism() {
        PublicKey key = certificate.getPublicKey();
        return switch (key.getAlgorithm()) {
            case "EC" -> ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize() > 256
                    ? SignatureMechanism.ECDSA_SHA384 : SignatureMechanism.ECDSA_SHA256;
            case "RSA" -> SignatureMechanism.RSA_PSS_SHA256;
            case "Ed25519", "EdDSA" -> SignatureMechanism.ED25519;
            default -> throw new IllegalArgumentException("cards with " + key.getAlgorithm() + " keys are not supported");
        };
    }
}
