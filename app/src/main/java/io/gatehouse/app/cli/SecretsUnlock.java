package io.gatehouse.app.cli;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.secrets.SecretStore;
import java.io.Console;
import java.util.Arrays;

/**
 * Unlocks the secret store for a command: the passphrase from {@code --passphrase-fd N} or a
 * prompt without echo. The first use creates the store, so the passphrase is asked twice then.
 */
final class SecretsUnlock {
    private SecretsUnlock() {
    }

    static SecretStore unlock(Integer passphraseFd, Composition composition) {
        boolean exists = composition.secrets().exists();
        char[] passphrase = passphraseFd != null
                ? DescriptorLine.read(passphraseFd, "passphrase", 1024, "gatehouse --passphrase-fd 3 secrets list 3<passphrase-file")
                : fromTerminal(exists);
        return composition.secrets().unlock(passphrase);
    }

    /** Unlocks only when the profile names a secret, the store exists, and a passphrase can be had. */
    static void unlockIfNeeded(Integer passphraseFd, Composition composition, String secretName) {
        if (secretName == null || !composition.secrets().exists() || composition.secrets().current().isPresent()) {
            return;
        }
        Console console = System.console();
        if (passphraseFd == null && (console == null || !console.isTerminal())) {
            return; // the connector then says the store is locked, and how to unlock it
        }
        unlock(passphraseFd, composition);
    }

    private static char[] fromTerminal(boolean exists) {
        Console console = System.console();
        if (console == null || !console.isTerminal()) {
            throw new GatehouseException(FailureKind.CONFIGURATION, "No terminal to ask for the secret store's passphrase."
                    + " Pass it on a file descriptor with --passphrase-fd N.");
        }
        char[] first = console.readPassword(exists ? "Passphrase for the secret store: " : "New passphrase for the secret store: ");
        if (first == null || first.length == 0) {
            throw new GatehouseException(FailureKind.PERMISSION, "No passphrase was entered.");
        }
        if (!exists) {
            char[] again = console.readPassword("The same passphrase again: ");
            try {
                if (!Arrays.equals(first, again)) {
                    Arrays.fill(first, '\0');
                    throw new GatehouseException(FailureKind.PERMISSION, "The two passphrases differ; nothing was stored.");
                }
            } finally {
                if (again != null) {
                    Arrays.fill(again, '\0');
                }
            }
        }
        return first;
    }
}
