package io.gatehouse.data.operator.presence;

import io.gatehouse.data.keys.token.PinSource;
import io.gatehouse.data.keys.token.TokenSession;

/** Opens a session on the operator's own smartcard, logging in with the PIN; implemented over PKCS#11 in app. */
@FunctionalInterface
public interface OperatorCard {
    /**
     * @throws io.gatehouse.data.keys.token.TokenException when the card is missing, the PIN is wrong or locked
     */
    TokenSession open(PinSource pin);
}
