package io.gatehouse.data.keys;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;

/** A key version was asked to move where the rotation rules do not allow, or too early. */
public final class IllegalKeyTransitionException extends GatehouseException {
    public IllegalKeyTransitionException(String message) {
        super(FailureKind.CHECK_FAILED, message);
    }
}
