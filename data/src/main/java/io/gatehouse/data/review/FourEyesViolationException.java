package io.gatehouse.data.review;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;

/** A maker tried to check their own four-eyes request. */
public final class FourEyesViolationException extends GatehouseException {
    public FourEyesViolationException(String operatorId, String approvalId) {
        super(FailureKind.PERMISSION, "Operator " + operatorId + " made request " + approvalId
                + " and cannot also approve or reject it. A different operator with the four-eyes permission must do it.");
    }
}
