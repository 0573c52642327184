package io.gatehouse.app.wiring;

import io.gatehouse.data.secrets.KdfParameters;
import io.gatehouse.data.secrets.PassphraseSecretStore;
import io.gatehouse.data.secrets.SecretStore;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The passphrase secret store once the operator has unlocked it. Until then no secret can be
 * read and no passphrase proof can succeed.
 */
public final class UnlockedSecrets implements AutoCloseable {
    private final Path file;
    private SecretStore store;
    private io.gatehouse.data.keys.token.TokenSession token;

    UnlockedSecrets(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        // asked at every start; not through the store's class, whose cryptography library is a signed jar
        // that the JVM verifies as a whole the first time a class of it loads (about 0.1 s)
        return java.nio.file.Files.exists(file);
    }

    /** Creates the store on first use, or opens it; the passphrase array is wiped either way. */
    public synchronized SecretStore unlock(char[] passphrase) {
        try {
            if (store == null) {
                store = exists() ? PassphraseSecretStore.open(file, passphrase)
                        : PassphraseSecretStore.create(file, passphrase, KdfParameters.DEFAULT);
            }
            return store;
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }
    }

    public synchronized Optional<SecretStore> current() {
        return Optional.ofNullable(store);
    }

    /**
     * Opens the token-backed store in {@code tokenFile} through an open, logged-in token session, which this
     * object then owns and closes with the store: every read decrypts on the token.
     */
    public synchronized SecretStore unlockOnToken(Path tokenFile, io.gatehouse.data.keys.token.TokenSession session,
            String tokenLabel, String keyLabel) {
        if (store == null) {
            try {
                store = io.gatehouse.data.secrets.TokenSecretStore.open(tokenFile,
                        (io.gatehouse.data.keys.token.TokenCipher) session, tokenLabel, keyLabel);
                token = session;
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
        } else {
            session.close();
        }
        return store;
    }

    /**
     * True when {@code candidate} is the passphrase store's passphrase. A store that is still locked (the operator
     * went on without it at the start) is opened by the right passphrase, so a later proof also unlocks it.
     */
    synchronized boolean verifyPassphrase(char[] candidate) {
        if (store instanceof PassphraseSecretStore passphrase) {
            return passphrase.verifyPassphrase(candidate);
        }
        if (store == null && exists()) {
            char[] copy = candidate.clone();
            try {
                store = PassphraseSecretStore.open(file, copy);
                return true;
            } catch (io.gatehouse.data.secrets.SecretStoreException wrong) {
                return false;
            } finally {
                java.util.Arrays.fill(copy, '\0');
            }
        }
        return false;
    }

    @Override
    public synchronized void close() {
        if (store instanceof PassphraseSecretStore passphrase) {
            passphrase.close();
        }
        store = null;
        if (token != null) {
            token.close();
            token = null;
        }
    }
}
