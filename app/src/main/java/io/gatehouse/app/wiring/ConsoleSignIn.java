package io.gatehouse.app.wiring;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.config.GatehouseConfig;
import io.gatehouse.data.config.SecuritySettings;
import io.gatehouse.data.config.SignInMethod;
import io.gatehouse.data.operator.presence.SessionGuard;
import io.gatehouse.views.session.SecretRequest;
import io.gatehouse.views.session.SecretRequest.Purpose;
import io.gatehouse.views.session.SecretRequest.SecretKind;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The console's start: the operator signs in (smartcard PIN, or the weaker local profile), then the secret
 * store is opened when the configuration names secrets. Quitting the sign-in ends the start; going on without
 * the secret store opens the console with those connections shown as locked.
 */
public final class ConsoleSignIn {
    /** The file of the token-backed secret store in the data directory. */
    public static final String TOKEN_STORE_FILE = "secrets-token.json";

    /** Asks for a secret until an attempt accepts it; empty when the operator cancels. */
    public interface Asker {
        <T> Optional<T> askUntilAccepted(SecretRequest request, Function<char[], T> attempt);
    }

    /** Signs in without asking: the local profile only, as the screenshots and tests of the sandbox do. */
    public static final Asker NOBODY_ASKS = new Asker() {
        @Override
        public <T> Optional<T> askUntilAccepted(SecretRequest request, Function<char[], T> attempt) {
            if (request.purpose() == Purpose.SIGN_IN) {
                throw new GatehouseException(FailureKind.PERMISSION, "Smartcard sign-in needs the console window;"
                        + " it cannot be done here.");
            }
            return Optional.empty();
        }
    };

    private ConsoleSignIn() {
    }

    /** Signs in and opens the secrets; throws a {@link SignInCancelled} when the operator quits the sign-in. */
    public static void run(Composition composition, SessionGuard guard, Asker asker) {
        GatehouseConfig config = composition.config();
        String name = composition.session().operator().displayName();
        boolean wantsSecrets = SessionWiring.namesSecrets(config);
        SecuritySettings.Secrets secrets = config.secretsOrDefault();
        if (config.signInMethod() == SignInMethod.SMARTCARD) {
            Optional<Boolean> signedIn = asker.askUntilAccepted(new SecretRequest(Purpose.SIGN_IN, SecretKind.PIN, name,
                    config.signedIn().card().tokenLabel(), false), pin -> {
                        guard.signIn(pin);
                        return true;
                    });
            if (signedIn.isEmpty()) {
                throw new SignInCancelled();
            }
            if (wantsSecrets) {
                openSecrets(composition, secrets, asker, name, false);
            }
            return;
        }
        boolean passphraseStore = !secrets.onToken() && composition.secrets().exists();
        if (passphraseStore && wantsSecrets) {
            // in the local profile the secret store's passphrase is also the (weaker) sign-in proof
            Optional<Boolean> opened = asker.askUntilAccepted(new SecretRequest(Purpose.SECRET_STORE,
                    SecretKind.PASSPHRASE, name, "", true), passphrase -> {
                        char[] proof = passphrase.clone();
                        try {
                            composition.secrets().unlock(passphrase);
                            guard.signIn(proof);
                        } finally {
                            Arrays.fill(proof, '\0');
                        }
                        return true;
                    });
            if (opened.isEmpty()) {
                guard.signInUnproven();
            }
            return;
        }
        guard.signInUnproven();
        if (wantsSecrets && secrets.onToken()) {
            openSecrets(composition, secrets, asker, name, true);
        }
    }

    private static void openSecrets(Composition composition, SecuritySettings.Secrets secrets, Asker asker, String name,
            boolean weaker) {
        if (secrets.onToken()) {
            SecuritySettings.Secrets.Token token = secrets.token();
            asker.askUntilAccepted(new SecretRequest(Purpose.SECRET_STORE, SecretKind.PIN, name, token.tokenLabel(), weaker),
                    pin -> TokenSecrets.open(composition, pin, false));
        } else if (composition.secrets().exists()) {
            asker.askUntilAccepted(new SecretRequest(Purpose.SECRET_STORE, SecretKind.PASSPHRASE, name, "", weaker),
                    passphrase -> composition.secrets().unlock(passphrase));
        }
    }

    /** The operator chose to quit at the sign-in. */
    public static final class SignInCancelled extends GatehouseException {
        public SignInCancelled() {
            super(FailureKind.PERMISSION, "Sign-in was cancelled; the console did not open.");
        }
    }
}
