package io.gatehouse.connectors.caseapi;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.secrets.Secret;
import io.gatehouse.data.secrets.SecretStore;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.Request;

/**
 * The Case API's bearer key, read from the secret store by name at each call so a rotated key is
 * used at once and the value is held no longer than the call. It never appears in a message.
 */
public final class ApiKey {
    private final Supplier<Optional<SecretStore>> store;
    private final String name;

    private ApiKey(Supplier<Optional<SecretStore>> store, String name) {
        this.store = store;
        this.name = name;
    }

    /** No key: the sandbox's {@code /v1} needs none. */
    public static ApiKey none() {
        return new ApiKey(Optional::empty, null);
    }

    /** The secret named {@code name}; {@code store} is empty while the secret store is locked. */
    public static ApiKey fromStore(Supplier<Optional<SecretStore>> store, String name) {
        return new ApiKey(Objects.requireNonNull(store, "store"), SecretStore.requireValidName(name));
    }

    void apply(Request.Builder request) {
        if (name == null) {
            return;
        }
        SecretStore secrets = store.get().orElseThrow(() -> new GatehouseException(FailureKind.PERMISSION,
                "The Case API key '" + name + "' is in the secret store, which is locked. Unlock it with your"
                        + " passphrase, then retry."));
        try (Secret secret = secrets.get(name).orElseThrow(() -> new GatehouseException(FailureKind.CONFIGURATION,
                "There is no secret named '" + name + "' for the Case API key. Add it under Connections."))) {
            request.header("Authorization", "Bearer " + new String(secret.chars()));
        }
    }

    @Override
    public String toString() {
        return name == null ? "ApiKey[none]" : "ApiKey[" + name + "]";
    }
}
