package io.gatehouse.views.keys;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;

/** The custodian closed the PIN dialog: nothing was done on the token. Not a failure to report. */
public final class PinCancelledException extends GatehouseException {
    private final String tokenLabel;

    public PinCancelledException(String tokenLabel) {
        super(FailureKind.PERMISSION, "The PIN for token '" + tokenLabel + "' was not entered, so nothing was done on it.");
        this.tokenLabel = tokenLabel;
    }

    public String tokenLabel() {
        return tokenLabel;
    }
}
