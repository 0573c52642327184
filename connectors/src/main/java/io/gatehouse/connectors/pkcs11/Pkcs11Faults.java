package io.gatehouse.connectors.pkcs11;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.*;

import io.gatehouse.data.keys.token.TokenException;
import org.xipki.pkcs11.wrapper.PKCS11Exception;

/** Turns the return codes of a PKCS#11 module into {@link TokenException}s with a clear sentence. */
final class Pkcs11Faults {
    private Pkcs11Faults() {
    }

    /**
     * @param tokenLabel the token the call was for
     * @param doing what Gatehouse was doing, as a gerund phrase ("generating key 'x'")
     */
    static TokenException map(PKCS11Exception e, String tokenLabel, String doing) {
        long code = e.getErrorCode();
        if (code == CKR_PIN_INCORRECT || code == CKR_PIN_INVALID || code == CKR_PIN_LEN_RANGE) {
            return TokenException.wrongPin(tokenLabel, e);
        }
        if (code == CKR_PIN_LOCKED) {
            return TokenException.pinLocked(tokenLabel, e);
        }
        if (code == CKR_DEVICE_REMOVED || code == CKR_TOKEN_NOT_PRESENT || code == CKR_SESSION_HANDLE_INVALID
                || code == CKR_SESSION_CLOSED) {
            return TokenException.tokenRemoved(tokenLabel, e);
        }
        if (code == CKR_TOKEN_NOT_RECOGNIZED || code == CKR_USER_PIN_NOT_INITIALIZED) {
            return TokenException.notInitialized("token '" + tokenLabel + "'", e);
        }
        if (code == CKR_SLOT_ID_INVALID) {
            return new TokenException(TokenException.Reason.NO_SUCH_TOKEN, "The slot of token '" + tokenLabel
                    + "' is gone. Run 'gatehouse keys tokens' to see the tokens present now.", e);
        }
        if (code == CKR_MECHANISM_INVALID || code == CKR_KEY_TYPE_INCONSISTENT || code == CKR_ATTRIBUTE_VALUE_INVALID
                || code == CKR_TEMPLATE_INCONSISTENT || code == CKR_TEMPLATE_INCOMPLETE
                || code == CKR_FUNCTION_NOT_SUPPORTED || code == CKR_CURVE_NOT_SUPPORTED
                || code == CKR_DOMAIN_PARAMS_INVALID || code == CKR_KEY_SIZE_RANGE) {
            return TokenException.unsupported(doing + " (" + e.getErrorName() + ")", e);
        }
        return TokenException.deviceError(doing + " (" + e.getErrorName() + ")", e);
    }
}
