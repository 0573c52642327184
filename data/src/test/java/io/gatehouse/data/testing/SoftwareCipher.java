package io.gatehouse.data.testing;

import io.gatehouse.data.keys.token.TokenCipher;
import io.gatehouse.data.keys.token.TokenException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM in software with keys by label, standing in for a token in data-layer tests. */
public final class SoftwareCipher implements TokenCipher {
    private final Map<String, SecretKey> keys = new HashMap<>();

    public SoftwareCipher withKey(String label) {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        keys.put(label, new SecretKeySpec(raw, "AES"));
        return this;
    }

    @Override
    public byte[] encrypt(String keyLabel, byte[] nonce, byte[] aad, byte[] plaintext) {
        return run(Cipher.ENCRYPT_MODE, keyLabel, nonce, aad, plaintext);
    }

    @Override
    public byte[] decrypt(String keyLabel, byte[] nonce, byte[] aad, byte[] ciphertextAndTag) {
        return run(Cipher.DECRYPT_MODE, keyLabel, nonce, aad, ciphertextAndTag);
    }

    private byte[] run(int mode, String keyLabel, byte[] nonce, byte[] aad, byte[] input) {
        SecretKey key = keys.get(keyLabel);
        if (key == null) {
            throw TokenException.noSuchKey(keyLabel, "software");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw TokenException.deviceError("AES-GCM with key '" + keyLabel + "'", e);
        }
    }
}
