package io.gatehouse.app.wiring;

import io.gatehouse.data.health.ConnectionKind;
import io.gatehouse.data.health.HealthProbe;
import io.gatehouse.data.health.HealthState;
import java.util.function.BooleanSupplier;

/**
 * A connection whose API key is in a secret store that was not opened at the start: shown as locked, with what
 * to do, rather than as a puzzling authentication failure upstream.
 */
final class SecretLockedProbe implements HealthProbe {
    static final String LOCKED = "Locked: the secret store was not opened, so this connection has no API key."
            + " Restart Gatehouse and enter the secret store's passphrase or token PIN.";

    private final HealthProbe delegate;
    private final BooleanSupplier locked;

    SecretLockedProbe(HealthProbe delegate, BooleanSupplier locked) {
        this.delegate = delegate;
        this.locked = locked;
    }

    @Override
    public String connection() {
        return delegate.connection();
    }

    @Override
    public ConnectionKind kind() {
        return delegate.kind();
    }

    @Override
    public Result check() {
        return locked.getAsBoolean() ? new Result(HealthState.DOWN, LOCKED) : delegate.check();
    }
}
