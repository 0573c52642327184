package io.gatehouse.data.keys.token;

/**
 * AES-256-GCM under a secret key that never leaves the token: the token encrypts and decrypts, the caller
 * supplies a fresh 12-byte nonce and the additional authenticated data. Decryption of altered data, or data
 * bound to other associated data, fails with a {@link TokenException} of reason {@code DEVICE_ERROR} or
 * {@code UNSUPPORTED} from the token, never with wrong plaintext.
 */
public interface TokenCipher {
    /** Ciphertext followed by the 16-byte tag. */
    byte[] encrypt(String keyLabel, byte[] nonce, byte[] aad, byte[] plaintext);

    /** The plaintext; the caller wipes it after use. */
    byte[] decrypt(String keyLabel, byte[] nonce, byte[] aad, byte[] ciphertextAndTag);
}
