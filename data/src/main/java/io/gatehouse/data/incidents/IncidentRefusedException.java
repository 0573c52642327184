package io.gatehouse.data.incidents;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;

/** An alert or incident action that does not fit its current state, or names nothing known. */
public final class IncidentRefusedException extends GatehouseException {
    public IncidentRefusedException(String message) {
        super(FailureKind.CHECK_FAILED, message);
    }
}
