package io.gatehouse.connectors.pkcs11;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.*;

import io.gatehouse.data.keys.token.GeneratedKey;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.KeyClass;
import io.gatehouse.data.keys.token.KeyObject;
import io.gatehouse.data.keys.token.SignatureMechanism;
import io.gatehouse.data.keys.token.TokenCipher;
import io.gatehouse.data.keys.token.TokenException;
import io.gatehouse.data.keys.token.TokenInfo;
import io.gatehouse.data.keys.token.TokenSession;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.KeyPairTemplate;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11KeyPair;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.params.GCM_PARAMS;
import org.xipki.pkcs11.wrapper.params.RSA_PKCS_PSS_PARAMS;

/** A logged-in PKCS#11 session. Calls are serialized: a PKCS#11 session does one thing at a time. */
final class Pkcs11Session implements TokenSession, TokenCipher {
    private static final int MAX_LABEL_LENGTH = 64;
    private static final int MAX_ID_LENGTH = 64;

    private final Session session;
    private final TokenInfo token;
    private final ReentrantLock writeLock;
    private final java.util.Map<String, SigningKey> signingKeys = new java.util.HashMap<>();
    // Reused across signatures: every call holds this session's lock, so one instance of each is enough,
    // and the audit signer signs often enough that a provider lookup and two allocations per call show.
    private final MessageDigest sha256 = digest("SHA-256");
    private final MessageDigest sha384 = digest("SHA-384");
    private final Mechanism rawEcdsa = new Mechanism(CKM_ECDSA);
    /** The module's own signing calls, bypassing the wrapper's JNI layer; null where that is not possible. */
    private final DirectSigning.Buffers direct;
    private boolean closed;

    Pkcs11Session(Session session, TokenInfo token, ReentrantLock writeLock, DirectSigning.Buffers direct) {
        this.session = session;
        this.token = token;
        this.writeLock = writeLock;
        this.direct = direct;
    }

    /** Whether raw ECDSA goes straight to the module rather than through the wrapper's JNI layer. */
    boolean signsDirectly() {
        return direct != null;
    }

    @Override
    public TokenInfo token() {
        return token;
    }

    @Override
    public synchronized List<KeyObject> listKeys() {
        ensureOpen();
        try {
            List<KeyObject> keys = new ArrayList<>();
            for (long handle : session.findAllObjectsSingle(new AttributeVector())) {
                KeyObject key = KeyReader.read(session, handle);
                if (key != null) {
                    keys.add(key);
                }
            }
            keys.sort(Comparator.comparing(KeyObject::label).thenComparing(KeyObject::idHex)
                    .thenComparing(KeyObject::keyClass));
            return List.copyOf(keys);
        } catch (PKCS11Exception e) {
            throw Pkcs11Faults.map(e, token.label(), "listing the keys");
        }
    }

    @Override
    public synchronized GeneratedKey generateKeyPair(KeyAlgorithm algorithm, String label, byte[] id) {
        if (!algorithm.isKeyPair()) {
            throw new IllegalArgumentException(algorithm + " is a secret key algorithm; use generateSecretKey");
        }
        checkName(label, id);
        ensureOpen();
        writeLock.lock();
        try {
            refuseDuplicates(label, id);
            KeyPairTemplate template = new KeyPairTemplate(KeyReader.keyTypeOf(algorithm)).token(true).labels(label)
                    .id(id.clone());
            // the private half: on the token, behind the PIN, never readable, never leaves, signs only
            template.privateKey().private_(true).sensitive(true).extractable(false).sign(true).decrypt(false)
                    .unwrap(false).derive(false).signRecover(false);
            // the public half: readable without a login, so auditors can match pairs
            template.publicKey().private_(false).verify(true).encrypt(false).wrap(false).verifyRecover(false);
            long mechanism;
            switch (algorithm) {
                case EC_P256, EC_P384 -> {
                    template.publicKey().ecParams(Curves.of(algorithm).oid.clone());
                    mechanism = CKM_EC_KEY_PAIR_GEN;
                }
                case ED25519 -> {
                    template.publicKey().ecParams(Curves.ED25519.oid.clone());
                    mechanism = CKM_EC_EDWARDS_KEY_PAIR_GEN;
                }
                case RSA_3072 -> {
                    template.publicKey().modulusBits(3072).publicExponent(BigInteger.valueOf(65537));
                    mechanism = CKM_RSA_PKCS_KEY_PAIR_GEN;
                }
                default -> throw new IllegalArgumentException(algorithm + " has no key pair");
            }
            PKCS11KeyPair pair;
            try {
                pair = session.generateKeyPair(new Mechanism(mechanism), template);
            } catch (PKCS11Exception e) {
                throw Pkcs11Faults.map(e, token.label(), "generating " + algorithm + " key '" + label + "'");
            }
            KeyObject privateKey = readBackChecked(pair.getPrivateKey(), label, pair.getPublicKey());
            KeyObject publicKey = read(pair.getPublicKey());
            return new GeneratedKey(privateKey, Optional.of(publicKey));
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public synchronized GeneratedKey generateSecretKey(KeyAlgorithm algorithm, String label, byte[] id) {
        if (algorithm != KeyAlgorithm.AES_256) {
            throw new IllegalArgumentException(algorithm + " is not a secret key algorithm");
        }
        checkName(label, id);
        ensureOpen();
        writeLock.lock();
        try {
            refuseDuplicates(label, id);
            AttributeVector template = AttributeVector.newAESSecretKey().token(true).label(label).id(id.clone())
                    .valueLen(32).private_(true).sensitive(true).extractable(false).encrypt(true).decrypt(true)
                    .wrap(false).unwrap(false).sign(false).verify(false).derive(false);
            long handle;
            try {
                handle = session.generateKey(new Mechanism(CKM_AES_KEY_GEN), template);
            } catch (PKCS11Exception e) {
                throw Pkcs11Faults.map(e, token.label(), "generating " + algorithm + " key '" + label + "'");
            }
            return new GeneratedKey(readBackChecked(handle, label), Optional.empty());
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public synchronized byte[] sign(String label, SignatureMechanism mechanism, byte[] data) {
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(data, "data");
        ensureOpen();
        SigningKey key = signingKeys.get(label);
        boolean cached = key != null;
        if (!cached) {
            key = lookUpSigningKey(label);
        }
        if (key.algorithm() == null || !mechanism.fits(key.algorithm())) {
            throw TokenException.unsupported("signing with key '" + label + "' (" + key.description() + ") by "
                    + mechanism, null);
        }
        try {
            byte[] signature = signWith(key, mechanism, data, label);
            signingKeys.put(label, key);
            return signature;
        } catch (PKCS11Exception e) {
            signingKeys.remove(label);
            if (cached && (e.getErrorCode() == CKR_KEY_HANDLE_INVALID || e.getErrorCode() == CKR_OBJECT_HANDLE_INVALID)) {
                // the key went away behind this session (another program destroyed it): look it up afresh, once
                return sign(label, mechanism, data);
            }
            throw Pkcs11Faults.map(e, token.label(), "signing with key '" + label + "'");
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }

    /**
     * A private key found by label, with what signing needs to know of it. Finding the object and reading its
     * attributes costs several token round trips, more than the signature itself on a software token, so the
     * audit signer's repeated signatures reuse it. Destroying any object clears the cache, and a handle the
     * token no longer knows is looked up again.
     */
    private record SigningKey(long handle, KeyAlgorithm algorithm, String description) {
    }

    private SigningKey lookUpSigningKey(String label) {
        long handle = find(KeyClass.PRIVATE_KEY, label);
        try {
            KeyObject key = KeyReader.read(session, handle);
            return new SigningKey(handle, KeyReader.algorithmOf(key), key.keyType() + " " + key.sizeOrCurve());
        } catch (PKCS11Exception e) {
            throw Pkcs11Faults.map(e, token.label(), "reading key '" + label + "'");
        }
    }

    private byte[] signWith(SigningKey key, SignatureMechanism mechanism, byte[] data, String label)
            throws PKCS11Exception {
        long handle = key.handle();
        return switch (mechanism) {
            case ECDSA_SHA256 -> ecdsa(handle, key.algorithm(), sha256, data, label);
            case ECDSA_SHA384 -> ecdsa(handle, key.algorithm(), sha384, data, label);
            case RSA_PSS_SHA256 -> session.signSingle(new Mechanism(CKM_SHA256_RSA_PKCS_PSS,
                    new RSA_PKCS_PSS_PARAMS(CKM_SHA256, CKG_MGF1_SHA256, 32)), handle, data);
            case RSA_PKCS1_SHA256 -> session.signSingle(new Mechanism(CKM_SHA256_RSA_PKCS), handle, data);
            case ED25519 -> session.signSingle(new Mechanism(CKM_EDDSA), handle, data);
        };
    }

    @Override
    public synchronized byte[] encrypt(String keyLabel, byte[] nonce, byte[] aad, byte[] plaintext) {
        ensureOpen();
        long handle = find(KeyClass.SECRET_KEY, keyLabel);
        try {
            return session.encryptSingle(gcm(nonce, aad), handle, plaintext);
        } catch (PKCS11Exception e) {
            throw Pkcs11Faults.map(e, token.label(), "encrypting with key '" + keyLabel + "'");
        }
    }

    @Override
    public synchronized byte[] decrypt(String keyLabel, byte[] nonce, byte[] aad, byte[] ciphertextAndTag) {
        ensureOpen();
        long handle = find(KeyClass.SECRET_KEY, keyLabel);
        try {
            return session.decryptSingle(gcm(nonce, aad), handle, ciphertextAndTag);
        } catch (PKCS11Exception e) {
            throw Pkcs11Faults.map(e, token.label(), "decrypting with key '" + keyLabel + "'");
        }
    }

    private static Mechanism gcm(byte[] nonce, byte[] aad) {
        if (nonce.length != 12) {
            throw new IllegalArgumentException("an AES-GCM nonce has 12 bytes");
        }
        return new Mechanism(CKM_AES_GCM, new GCM_PARAMS(nonce.clone(), aad.clone(), 128));
    }

    @Override
    public synchronized PublicKey publicKey(String label) {
        ensureOpen();
        long handle = find(KeyClass.PUBLIC_KEY, label);
        try {
            AttributeVector a = session.getAttrValues(handle, CKA_KEY_TYPE, CKA_EC_PARAMS, CKA_EC_POINT, CKA_MODULUS,
                    CKA_PUBLIC_EXPONENT);
            long keyType = a.keyType() == null ? -1 : a.keyType();
            if (keyType == CKK_RSA) {
                return PublicKeys.rsa(a.modulus(), a.publicExponent());
            }
            Curves curve = Curves.fromParams(a.ecParams());
            if ((keyType == CKK_EC || keyType == CKK_EC_EDWARDS) && curve != null && a.ecPoint() != null) {
                return PublicKeys.ec(curve, a.ecPoint());
            }
            throw TokenException.unsupported("exporting public key '" + label + "' of this type", null);
        } catch (PKCS11Exception e) {
            throw Pkcs11Faults.map(e, token.label(), "reading public key '" + label + "'");
        } catch (GeneralSecurityException e) {
            throw TokenException.deviceError("decoding public key '" + label + "'", e);
        }
    }

    @Override
    public synchronized void destroy(String label) {
        ensureOpen();
        writeLock.lock();
        try {
            long[] handles = session.findAllObjectsSingle(new AttributeVector().label(label));
            if (handles.length == 0) {
                throw TokenException.noSuchKey(label, token.label());
            }
            signingKeys.clear();
            for (long handle : handles) {
                session.destroyObject(handle);
            }
        } catch (PKCS11Exception e) {
            throw Pkcs11Faults.map(e, token.label(), "destroying '" + label + "'");
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (direct != null) {
            direct.close();
        }
        try {
            session.closeSession();
        } catch (PKCS11Exception e) {
            // a removed token has closed it already; nothing is left to release
        }
    }

    private byte[] ecdsa(long handle, KeyAlgorithm algorithm, MessageDigest digest, byte[] data, String label)
            throws PKCS11Exception {
        byte[] hash = digest.digest(data); // digest() also resets it for the next call
        byte[] signature = direct != null ? direct.signEcdsa(session.getSessionHandle(), handle, hash)
                : session.signSingle(rawEcdsa, handle, hash);
        int expected = 2 * Curves.of(algorithm).size;
        if (signature.length != expected) {
            throw TokenException.deviceError("signing with key '" + label + "' (the token returned " + signature.length
                    + " signature bytes, not " + expected + ")", null);
        }
        return signature;
    }

    private long find(KeyClass keyClass, String label) {
        long ckClass = switch (keyClass) {
            case PRIVATE_KEY -> CKO_PRIVATE_KEY;
            case PUBLIC_KEY -> CKO_PUBLIC_KEY;
            case SECRET_KEY -> CKO_SECRET_KEY;
            case CERTIFICATE -> CKO_CERTIFICATE;
        };
        try {
            long[] handles = session.findObjectsSingle(new AttributeVector().class_(ckClass).label(label), 2);
            if (handles.length == 0) {
                throw TokenException.noSuchKey(label, token.label());
            }
            if (handles.length > 1) {
                throw TokenException.duplicate("more than one " + keyClass.name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' ') + " labelled '" + label + "', so the label does not name one key", token.label());
            }
            return handles[0];
        } catch (PKCS11Exception e) {
            throw Pkcs11Faults.map(e, token.label(), "looking for key '" + label + "'");
        }
    }

    private void refuseDuplicates(String label, byte[] id) {
        try {
            if (session.findObjectsSingle(new AttributeVector().label(label), 1).length > 0) {
                throw TokenException.duplicate("the label '" + label + "'", token.label());
            }
            if (session.findObjectsSingle(new AttributeVector().id(id.clone()), 1).length > 0) {
                throw TokenException.duplicate("the id " + java.util.HexFormat.of().formatHex(id), token.label());
            }
        } catch (PKCS11Exception e) {
            throw Pkcs11Faults.map(e, token.label(), "looking for objects labelled '" + label + "'");
        }
    }

    /**
     * Reads a new secret-holding key back and refuses it (destroying it and its partner) when the
     * token did not honour the template: a token that ignores CKA_SENSITIVE or CKA_EXTRACTABLE
     * must not leave a weak key behind.
     */
    private KeyObject readBackChecked(long handle, String label, long... partners) {
        KeyObject key = read(handle);
        if (!key.sensitive() || key.extractable() || !key.label().equals(label)) {
            try {
                session.destroyObject(handle);
                for (long partner : partners) {
                    session.destroyObject(partner);
                }
            } catch (PKCS11Exception e) {
                // reported below either way
            }
            throw TokenException.unsupported("sensitive, non-extractable keys with a label (key '" + label
                    + "' came out otherwise and was destroyed)", null);
        }
        return key;
    }

    private KeyObject read(long handle) {
        try {
            return KeyReader.read(session, handle);
        } catch (PKCS11Exception e) {
            throw Pkcs11Faults.map(e, token.label(), "reading a new key");
        }
    }

    private static void checkName(String label, byte[] id) {
        if (label == null || label.isBlank() || !label.equals(label.strip()) || label.length() > MAX_LABEL_LENGTH
                || label.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a key label is 1 to " + MAX_LABEL_LENGTH
                    + " printable characters without leading or trailing blanks");
        }
        if (id == null || id.length == 0 || id.length > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("a key id is 1 to " + MAX_ID_LENGTH + " bytes");
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the session on token '" + token.label() + "' is closed");
        }
    }
}
