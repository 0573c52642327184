package io.gatehouse.data.keys;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.operator.OperatorSession;
import io.gatehouse.data.operator.Permission;
import io.gatehouse.data.operator.ProofKind;
import java.time.Duration;
import java.util.List;

/**
 * Two custodians acting together, as key destruction requires: both must hold the key management
 * permission and have proved presence recently, and they must be two different people.
 */
public final class DualControl {
    /** How recent each custodian's proof of presence must be. */
    public static final Duration PROOF_MAX_AGE = Duration.ofMinutes(5);

    private DualControl() {
    }

    /** The two proofs, in order, once both custodians pass; throws otherwise. Any kind of proof counts. */
    public static List<ProofKind> check(OperatorSession first, OperatorSession second) {
        return check(first, second, false);
    }

    /**
     * As {@link #check(OperatorSession, OperatorSession)}; with {@code smartcardsRequired}, each proof must be a
     * smartcard signature: the passphrase proof is then refused, as it is outside development profiles.
     */
    public static List<ProofKind> check(OperatorSession first, OperatorSession second, boolean smartcardsRequired) {
        List<ProofKind> proofs = checkAny(first, second);
        if (smartcardsRequired) {
            for (int i = 0; i < 2; i++) {
                if (proofs.get(i) != ProofKind.SMARTCARD) {
                    OperatorSession who = i == 0 ? first : second;
                    throw new GatehouseException(FailureKind.PERMISSION, "Destroying keys needs each custodian's"
                            + " smartcard; " + who.operator().id() + " confirmed with a passphrase only."
                            + " Insert your card and confirm with it.");
                }
            }
        }
        return proofs;
    }

    private static List<ProofKind> checkAny(OperatorSession first, OperatorSession second) {
        first.require(Permission.MANAGE_KEYS);
        second.require(Permission.MANAGE_KEYS);
        if (first.operator().id().equals(second.operator().id())) {
            throw new GatehouseException(FailureKind.PERMISSION, "Destroying keys needs two different custodians;"
                    + " operator " + first.operator().id() + " cannot be both. Ask a second key custodian to confirm.");
        }
        return List.of(first.requireFreshProof(PROOF_MAX_AGE), second.requireFreshProof(PROOF_MAX_AGE));
    }
}
