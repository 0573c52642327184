package io.gatehouse.data.maturity;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;

/** An assessment or catalogue file was refused; nothing from it was imported. */
public final class AssessmentFileException extends GatehouseException {
    public AssessmentFileException(String message, Throwable cause) {
        super(FailureKind.CONFIGURATION, message, cause);
    }
}
