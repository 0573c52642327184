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
    private PassphraseSecretStore store;

    UnlockedSecrets(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return PassphraseSecretStore.exists(file);
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

    synchronized boolean verifyPassphrase(char[] candidate) {
        return store != null && store.verifyPassphrase(candidate);
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
