package io.gatehouse.data.operator.presence;

import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.ProofKind;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The development profile's proof: the secret store's passphrase, something known only, or nothing at all when
 * there is no secret store yet (the sandbox). Both are recorded as weaker.
 */
public final class PassphraseProof implements OperatorProof {
    private final BooleanSupplier hasPassphrase;

    /** @param hasPassphrase whether a secret store exists whose passphrase can be checked */
    public PassphraseProof(BooleanSupplier hasPassphrase) {
        this.hasPassphrase = hasPassphrase;
    }

    @Override
    public String auditName() {
        return "local-weaker";
    }

    @Override
    public boolean weaker() {
        return true;
    }

    @Override
    public boolean needsSecret() {
        return hasPassphrase.getAsBoolean();
    }

    @Override
    public void prove(LocalOperatorSession session, char[] secret) {
        if (needsSecret()) {
            session.proveWithPassphrase(secret);
        } else {
            Arrays.fill(secret, '\0');
            session.proveWith(ProofKind.PASSPHRASE_WEAK, () -> true);
        }
    }
}
