package io.gatehouse.app.wiring;

import io.gatehouse.connectors.pkcs11.Pkcs11Modules;
import io.gatehouse.data.config.SecuritySettings;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.KeyClass;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.secrets.SecretStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Opens the token-backed secret store ({@code secrets.store: token}) with the token's PIN. The command line
 * that stores the first secret also makes the store's AES key on the token when it is not there yet, as the
 * passphrase store is created by its first use; the key is generated on the token, sensitive and not
 * extractable, and never leaves it.
 */
public final class TokenSecrets {
    private TokenSecrets() {
    }

    /** The store in the data directory, opened through a session the composition's secrets then own. */
    public static SecretStore open(Composition composition, char[] pin, boolean createKey) {
        SecuritySettings.Secrets.Token token = composition.config().secretsOrDefault().token();
        TokenSession session = Pkcs11Modules.open(Path.of(token.module())).openSession(token.tokenLabel(), t -> pin.clone());
        try {
            if (createKey && session.listKeys().stream()
                    .noneMatch(k -> k.keyClass() == KeyClass.SECRET_KEY && token.keyLabel().equals(k.label()))) {
                session.generateSecretKey(KeyAlgorithm.AES_256, token.keyLabel(),
                        token.keyLabel().getBytes(StandardCharsets.UTF_8));
                composition.auditLog().append("secrets.token.key.created", "token/" + token.tokenLabel(),
                        java.util.Map.of("key", token.keyLabel()));
            }
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return composition.secrets().unlockOnToken(
                composition.directories().dataDirectory().resolve(ConsoleSignIn.TOKEN_STORE_FILE), session,
                token.tokenLabel(), token.keyLabel());
    }
}
