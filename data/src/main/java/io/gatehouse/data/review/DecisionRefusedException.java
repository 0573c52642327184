package io.gatehouse.data.review;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;

/** The desk's rules refuse the decision as asked (a reversal without a reason, an undo too late). */
public final class DecisionRefusedException extends GatehouseException {
    public DecisionRefusedException(String message) {
        super(FailureKind.CHECK_FAILED, message);
    }
}
