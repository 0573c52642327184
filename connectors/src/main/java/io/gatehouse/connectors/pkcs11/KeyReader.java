package io.gatehouse.connectors.pkcs11;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.*;

import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.KeyClass;
import io.gatehouse.data.keys.token.KeyObject;
import io.gatehouse.data.keys.token.KeyUsage;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.Session;

/** Reads an object's attributes into a {@link KeyObject}. */
final class KeyReader {
    private static final long[] ATTRIBUTES = {
        CKA_CLASS, CKA_LABEL, CKA_ID, CKA_KEY_TYPE, CKA_CERTIFICATE_TYPE, CKA_SENSITIVE, CKA_EXTRACTABLE, CKA_LOCAL,
        CKA_ALWAYS_SENSITIVE, CKA_NEVER_EXTRACTABLE, CKA_SIGN, CKA_VERIFY, CKA_ENCRYPT, CKA_DECRYPT, CKA_WRAP,
        CKA_UNWRAP, CKA_DERIVE, CKA_EC_PARAMS, CKA_MODULUS, CKA_MODULUS_BITS, CKA_VALUE_LEN};

    private KeyReader() {
    }

    /** The object's class, or null when it is neither a key nor a certificate. */
    static KeyClass classOf(Long ckClass) {
        if (ckClass == null) {
            return null;
        }
        long c = ckClass;
        if (c == CKO_PRIVATE_KEY) {
            return KeyClass.PRIVATE_KEY;
        }
        if (c == CKO_PUBLIC_KEY) {
            return KeyClass.PUBLIC_KEY;
        }
        if (c == CKO_SECRET_KEY) {
            return KeyClass.SECRET_KEY;
        }
        if (c == CKO_CERTIFICATE) {
            return KeyClass.CERTIFICATE;
        }
        return null;
    }

    /** The object as a key object, or null when it is neither a key nor a certificate. */
    static KeyObject read(Session session, long handle) throws PKCS11Exception {
        AttributeVector a = session.getAttrValues(handle, ATTRIBUTES);
        KeyClass keyClass = classOf(a.class_());
        if (keyClass == null) {
            return null;
        }
        byte[] id = a.id();
        Set<KeyUsage> usage = EnumSet.noneOf(KeyUsage.class);
        addIf(usage, a.sign(), KeyUsage.SIGN);
        addIf(usage, a.verify(), KeyUsage.VERIFY);
        addIf(usage, a.encrypt(), KeyUsage.ENCRYPT);
        addIf(usage, a.decrypt(), KeyUsage.DECRYPT);
        addIf(usage, a.wrap(), KeyUsage.WRAP);
        addIf(usage, a.unwrap(), KeyUsage.UNWRAP);
        addIf(usage, a.derive(), KeyUsage.DERIVE);
        String type;
        String size;
        if (keyClass == KeyClass.CERTIFICATE) {
            Long certType = a.certificateType();
            type = certType != null && certType == CKC_X_509 ? "X509" : "CERTIFICATE";
            size = "";
        } else {
            Long keyType = a.keyType();
            type = keyTypeName(keyType);
            size = sizeOrCurve(keyType, a);
        }
        return new KeyObject(keyClass, trim(a.label()), id == null ? "" : HexFormat.of().formatHex(id), type, size,
                usage, isTrue(a.sensitive()), isTrue(a.extractable()), isTrue(a.local()), isTrue(a.alwaysSensitive()),
                isTrue(a.neverExtractable()));
    }

    /** Which of Gatehouse's algorithms this key belongs to, or null when none. */
    static KeyAlgorithm algorithmOf(KeyObject key) {
        for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
            if (keyTypeName(keyTypeOf(algorithm)).equals(key.keyType())
                    && algorithm.sizeOrCurve().equals(key.sizeOrCurve())) {
                return algorithm;
            }
        }
        return null;
    }

    static long keyTypeOf(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case EC_P256, EC_P384 -> CKK_EC;
            case RSA_3072 -> CKK_RSA;
            case ED25519 -> CKK_EC_EDWARDS;
            case AES_256 -> CKK_AES;
        };
    }

    private static String keyTypeName(Long keyType) {
        if (keyType == null) {
            return "";
        }
        long t = keyType;
        if (t == CKK_EC) {
            return "EC";
        }
        if (t == CKK_RSA) {
            return "RSA";
        }
        if (t == CKK_EC_EDWARDS) {
            return "EC_EDWARDS";
        }
        if (t == CKK_AES) {
            return "AES";
        }
        String name = ckkCodeToName(t);
        return name == null ? "0x" + Long.toHexString(t) : name.replaceFirst("^CKK_", "");
    }

    private static String sizeOrCurve(Long keyType, AttributeVector a) {
        if (keyType == null) {
            return "";
        }
        long t = keyType;
        if (t == CKK_EC || t == CKK_EC_EDWARDS) {
            byte[] params = a.ecParams();
            Curves curve = Curves.fromParams(params);
            if (curve != null) {
                return curve.displayName;
            }
            return params == null ? "" : "params " + HexFormat.of().formatHex(params);
        }
        if (t == CKK_RSA) {
            Integer bits = a.modulusBits();
            if (bits != null) {
                return bits.toString();
            }
            BigInteger modulus = a.modulus();
            return modulus == null ? "" : Integer.toString(modulus.bitLength());
        }
        Integer length = a.valueLen();
        return length == null ? "" : Integer.toString(length * 8);
    }

    private static String trim(String label) {
        return label == null ? "" : label.strip();
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    private static void addIf(Set<KeyUsage> usage, Boolean flag, KeyUsage value) {
        if (Boolean.TRUE.equals(flag)) {
            usage.add(value);
        }
    }
}
