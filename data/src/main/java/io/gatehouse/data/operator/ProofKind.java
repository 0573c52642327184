package io.gatehouse.data.operator;

/** How an operator proved presence; recorded in the audit so weak proofs stay visible. */
public enum ProofKind {
    /** Passphrase re-entry: something known only, the weak kind. */
    PASSPHRASE_WEAK,
    /** A signature by a key on the operator's smartcard. */
    SMARTCARD
}
