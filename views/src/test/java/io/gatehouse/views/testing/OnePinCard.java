package io.gatehouse.views.testing;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.ProofKind;
import io.gatehouse.data.operator.presence.OperatorProof;
import java.util.Arrays;

/** A scripted smartcard for UI tests: it accepts one PIN and records the proof as a smartcard proof. */
public final class OnePinCard implements OperatorProof {
    private final String pin;
    private final String wrongPin;

    private OnePinCard(String pin, String wrongPin) {
        this.pin = pin;
        this.wrongPin = wrongPin;
    }

    /** A card accepting {@code pin}; any other PIN is refused with {@code wrongPin}. */
    public static OnePinCard accepting(String pin, String wrongPin) {
        return new OnePinCard(pin, wrongPin);
    }

    @Override
    public String auditName() {
        return "smartcard";
    }

    @Override
    public boolean weaker() {
        return false;
    }

    @Override
    public boolean needsSecret() {
        return true;
    }

    @Override
    public void prove(LocalOperatorSession session, char[] offered) {
        boolean right = Arrays.equals(offered, pin.toCharArray());
        Arrays.fill(offered, '\0');
        if (!right) {
            throw new GatehouseException(FailureKind.PERMISSION, wrongPin);
        }
        session.proveWith(ProofKind.SMARTCARD, () -> true);
    }
}
