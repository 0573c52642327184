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
        if (composition.config().secretsOrDefault().onToken()) {
            return unlockOnToken(passphraseFd, composition);
        }
        boolean exists = composition.secrets().exists();
        char[] passphrase = passphraseFd != null
                ? DescriptorLine.read(passphraseFd, "passphrase", 1024, "gatehouse --passphrase-fd 3 secrets list 3<passphrase-file")
                : fromTerminal(exists);
        return composition.secrets().unlock(passphrase);
    }

    /**
     * With {@code secrets.store: token} the store opens with the token's PIN, from the same descriptor or a prompt;
     * the first use makes the store's key on the token.
     */
    private static SecretStore unlockOnToken(Integer fd, Composition composition) {
        String label = composition.config().secretsOrDefault().token().tokenLabel();
        char[] pin = fd != null
                ? DescriptorLine.read(fd, "PIN", 256, "gatehouse --passphrase-fd 3 secrets list 3<pin-file")
                : pinFromTerminal(label);
        try {
            return io.gatehouse.app.wiring.TokenSecrets.open(composition, pin, true);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private static char[] pinFromTerminal(String tokenLabel) {
        Console console = System.console();
        if (console == null || !console.isTerminal()) {
            throw new GatehouseException(FailureKind.CONFIGURATION, "No terminal to ask for the PIN of token '"
                    + tokenLabel + "', which opens the secret store. Pass it on a file descriptor with --passphrase-fd N.");
        }
        char[] pin = console.readPassword("PIN for token '%s' (secret store): ", tokenLabel);
        if (pin == null || pin.length == 0) {
            throw new GatehouseException(FailureKind.PERMISSION, "No PIN was entered for token '" + tokenLabel + "'.");
        }
        return pin;
    }

    /**
     * Step-up for a sensitive command: the same passphrase unlocks the secret store and proves presence, so
     * it is read once and handed to each in its own copy, both wiped after use.
     */
    static void unlockAndProve(Integer passphraseFd, Composition composition) {
        if (!composition.secrets().exists()) {
            throw new GatehouseException(FailureKind.PERMISSION, "This command needs you to confirm it is you with the"
                    + " secret store's passphrase, and there is no secret store yet. Create it with 'gatehouse secrets set'.");
        }
        char[] passphrase = passphraseFd != null
                ? DescriptorLine.read(passphraseFd, "passphrase", 1024, "gatehouse --passphrase-fd 3 audit export 3<passphrase-file")
                : fromTerminal(true);
        char[] proof = passphrase.clone();
        try {
            if (composition.secrets().current().isEmpty()) {
                try {
                    composition.secrets().unlock(passphrase);
                } catch (RuntimeException e) {
                    // a refused unlock is a failed proof of presence, and failed proofs are audited too
                    composition.auditLog().append("operator.proof", "operator/" + composition.session().operator().id(),
                            java.util.Map.of("kind", "passphrase_weak", "result", "refused"));
                    throw e;
                }
            }
            composition.session().proveWithPassphrase(proof);
        } finally {
            Arrays.fill(passphrase, '\0');
            Arrays.fill(proof, '\0');
        }
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
