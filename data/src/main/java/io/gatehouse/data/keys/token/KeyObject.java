package io.gatehouse.data.keys.token;

import java.util.Objects;
import java.util.Set;

/**
 * One object on a token, as read from its attributes.
 *
 * @param keyClass what the object is
 * @param label the object's label; empty when it has none
 * @param idHex the object's id as lowercase hex; empty when it has none
 * @param keyType the key type: {@code EC}, {@code RSA}, {@code EC_EDWARDS}, {@code AES}, another
 *     name the token reports, or {@code X509} for a certificate
 * @param sizeOrCurve the curve ({@code P-256}, {@code P-384}, {@code P-521}, {@code Ed25519}) or
 *     the size in bits ({@code 3072}, {@code 256}); empty when unknown
 * @param usage what the key may do
 * @param sensitive the token never reveals the key's secret value
 * @param extractable the key can be wrapped and taken off the token
 * @param local the key was generated on this token
 * @param alwaysSensitive the key has been sensitive since it was created
 * @param neverExtractable the key has never been extractable
 */
public record KeyObject(KeyClass keyClass, String label, String idHex, String keyType, String sizeOrCurve,
        Set<KeyUsage> usage, boolean sensitive, boolean extractable, boolean local, boolean alwaysSensitive,
        boolean neverExtractable) {

    public KeyObject {
        Objects.requireNonNull(keyClass, "keyClass");
        label = Objects.requireNonNullElse(label, "");
        idHex = Objects.requireNonNullElse(idHex, "");
        keyType = Objects.requireNonNullElse(keyType, "");
        sizeOrCurve = Objects.requireNonNullElse(sizeOrCurve, "");
        usage = usage == null || usage.isEmpty() ? Set.of() : Set.copyOf(usage);
    }

    /** True for objects that hold secret material: private and secret keys. */
    public boolean holdsSecret() {
        return keyClass == KeyClass.PRIVATE_KEY || keyClass == KeyClass.SECRET_KEY;
    }

    /** A short name for messages: the label, or the id when there is no label. */
    public String displayName() {
        if (!label.isEmpty()) {
            return "'" + label + "'";
        }
        return idHex.isEmpty() ? "(no label, no id)" : "id " + idHex;
    }
}
