package io.gatehouse.data.operator;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import java.time.Duration;

/** The action needs a recent proof of presence that the session does not have. */
public final class FreshProofRequiredException extends GatehouseException {
    private final Duration maxAge;

    public FreshProofRequiredException(Duration maxAge) {
        super(FailureKind.PERMISSION, "This action needs you to confirm it is you (within the last "
                + maxAge.toMinutes() + " minutes). Enter your passphrase again, then retry.");
        this.maxAge = maxAge;
    }

    public Duration maxAge() {
        return maxAge;
    }
}
