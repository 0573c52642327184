package io.gatehouse.connectors.stripe;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.secrets.Secret;
import io.gatehouse.data.secrets.SecretStore;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.Request;

/**
 * The Stripe secret or restricted key, read from the secret store by name at each call, so a
 * rotated key is used at once and the value lives no longer than the request is built. Only the
 * secret's name ever appears in a message or in {@link #toString()}.
 */
public final class StripeKey {
    private final Supplier<Optional<SecretStore>> store;
    private final String name;

    private StripeKey(Supplier<Optional<SecretStore>> store, String name) {
        this.store = store;
        this.name = name;
    }

    /** The secret named {@code name}; {@code store} is empty while the secret store is locked. */
    public static StripeKey fromStore(Supplier<Optional<SecretStore>> store, String name) {
        return new StripeKey(Objects.requireNonNull(store, "store"), SecretStore.requireValidName(name));
    }

    /** The name of the secret that holds the key. */
    public String secretName() {
        return name;
    }

    void apply(Request.Builder request) {
        SecretStore secrets = store.get().orElseThrow(() -> new GatehouseException(FailureKind.PERMISSION,
                "The Stripe API key '" + name + "' is in the secret store, which is locked. Unlock it with your"
                        + " passphrase, then retry."));
        try (Secret secret = secrets.get(name).orElseThrow(() -> new GatehouseException(FailureKind.CONFIGURATION,
                "There is no secret named '" + name + "' for the Stripe API key. Add it with 'gatehouse secrets set "
                        + name + "'."))) {
            request.header("Authorization", "Bearer " + new String(secret.chars()));
        }
    }

    @Override
    public String toString() {
        return "StripeKey[" + name + "]";
    }
}
