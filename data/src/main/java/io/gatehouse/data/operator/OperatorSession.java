package io.gatehouse.data.operator;

import java.time.Duration;

/** The operator signed in at this console; services ask it before they act. */
public interface OperatorSession {
    Operator operator();

    /** Throws {@link PermissionDeniedException} unless the operator holds the permission. */
    void require(Permission permission);

    /**
     * Throws {@link FreshProofRequiredException} unless the operator proved presence within
     * {@code maxAge}; returns the kind of the proof that satisfied it.
     */
    ProofKind requireFreshProof(Duration maxAge);
}
