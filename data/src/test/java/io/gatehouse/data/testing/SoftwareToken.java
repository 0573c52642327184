package io.gatehouse.data.testing;

import io.gatehouse.data.keys.token.GeneratedKey;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.KeyClass;
import io.gatehouse.data.keys.token.KeyObject;
import io.gatehouse.data.keys.token.KeyUsage;
import io.gatehouse.data.keys.token.SignatureMechanism;
import io.gatehouse.data.keys.token.TokenException;
import io.gatehouse.data.keys.token.TokenFlag;
import io.gatehouse.data.keys.token.TokenInfo;
import io.gatehouse.data.keys.token.TokenSession;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A token in memory with JCA keys, for service tests that need no device. */
public final class SoftwareToken implements TokenSession {
    private record Entry(KeyAlgorithm algorithm, byte[] id, KeyPair pair) {
    }

    private final String label;
    private final Map<String, Entry> keys = new LinkedHashMap<>();

    public SoftwareToken(String label) {
        this.label = label;
    }

    @Override
    public TokenInfo token() {
        return new TokenInfo(label, "Gatehouse tests", "memory", "0", Set.of(TokenFlag.INITIALIZED), List.of());
    }

    @Override
    public synchronized List<KeyObject> listKeys() {
        List<KeyObject> out = new ArrayList<>();
        keys.forEach((l, e) -> {
            String id = HexFormat.of().formatHex(e.id());
            out.add(new KeyObject(KeyClass.PRIVATE_KEY, l, id, type(e), e.algorithm().sizeOrCurve(),
                    Set.of(KeyUsage.SIGN), true, false, true, true, true));
            out.add(new KeyObject(KeyClass.PUBLIC_KEY, l, id, type(e), e.algorithm().sizeOrCurve(),
                    Set.of(KeyUsage.VERIFY), false, false, true, false, false));
        });
        return out;
    }

    private static String type(Entry e) {
        return e.algorithm() == KeyAlgorithm.RSA_3072 ? "RSA" : "EC";
    }

    @Override
    public synchronized GeneratedKey generateKeyPair(KeyAlgorithm algorithm, String keyLabel, byte[] id) {
        if (keys.containsKey(keyLabel)) {
            throw TokenException.duplicate("label '" + keyLabel + "'", label);
        }
        try {
            KeyPairGenerator generator = switch (algorithm) {
                case EC_P256, EC_P384 -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec(algorithm == KeyAlgorithm.EC_P256 ? "secp256r1" : "secp384r1"));
                    yield g;
                }
                case RSA_3072 -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(3072);
                    yield g;
                }
                default -> throw TokenException.unsupported(algorithm.name(), null);
            };
            keys.put(keyLabel, new Entry(algorithm, id.clone(), generator.generateKeyPair()));
        } catch (GeneralSecurityException e) {
            throw TokenException.deviceError("generating", e);
        }
        KeyObject priv = listKeys().stream().filter(k -> k.label().equals(keyLabel)).findFirst().orElseThrow();
        return new GeneratedKey(priv, Optional.empty());
    }

    @Override
    public GeneratedKey generateSecretKey(KeyAlgorithm algorithm, String keyLabel, byte[] id) {
        throw TokenException.unsupported("secret keys in the software token", null);
    }

    @Override
    public synchronized byte[] sign(String keyLabel, SignatureMechanism mechanism, byte[] data) {
        Entry e = entry(keyLabel);
        try {
            Signature signer = switch (mechanism) {
                case ECDSA_SHA256 -> Signature.getInstance("SHA256withECDSAinP1363Format");
                case ECDSA_SHA384 -> Signature.getInstance("SHA384withECDSAinP1363Format");
                case RSA_PKCS1_SHA256 -> Signature.getInstance("SHA256withRSA");
                case RSA_PSS_SHA256 -> {
                    Signature s = Signature.getInstance("RSASSA-PSS");
                    s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                    yield s;
                }
                case ED25519 -> Signature.getInstance("Ed25519");
            };
            signer.initSign(e.pair().getPrivate());
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException ex) {
            throw TokenException.deviceError("signing", ex);
        }
    }

    @Override
    public synchronized PublicKey publicKey(String keyLabel) {
        return entry(keyLabel).pair().getPublic();
    }

    @Override
    public synchronized void destroy(String keyLabel) {
        if (keys.remove(keyLabel) == null) {
            throw TokenException.noSuchKey(keyLabel, label);
        }
    }

    public synchronized boolean holds(String keyLabel) {
        return keys.containsKey(keyLabel);
    }

    private Entry entry(String keyLabel) {
        Entry e = keys.get(keyLabel);
        if (e == null) {
            throw TokenException.noSuchKey(keyLabel, label);
        }
        return e;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
