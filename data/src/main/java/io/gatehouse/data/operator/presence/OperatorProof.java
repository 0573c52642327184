package io.gatehouse.data.operator.presence;

import io.gatehouse.data.operator.LocalOperatorSession;

/** One way to prove the operator is at the console; the secret entered (a PIN or a passphrase) is wiped. */
public interface OperatorProof {
    /** How the audit log names this proof: {@code smartcard} or {@code local-weaker}. */
    String auditName();

    /** True for the development profile's proofs, which the console marks as weaker everywhere. */
    boolean weaker();

    /** False when there is nothing to enter (a development sandbox with no secret store): the proof is a click. */
    boolean needsSecret();

    /**
     * Proves presence for {@code session} and records it as the session's fresh proof; wipes {@code secret}.
     *
     * @throws io.gatehouse.data.GatehouseException with one sentence saying what failed and what to do
     */
    void prove(LocalOperatorSession session, char[] secret);
}
