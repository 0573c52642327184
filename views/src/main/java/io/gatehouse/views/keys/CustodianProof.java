package io.gatehouse.views.keys;

import java.util.Arrays;
import java.util.Objects;

/**
 * A custodian's proof of presence for dual control: who, and the secret they typed: their card's PIN when
 * smartcard proofs are required (with {@code card}, the token label of their card), else the passphrase of a
 * development profile. The receiver checks it and then wipes it with {@link #wipe()}.
 */
public record CustodianProof(String operatorId, char[] passphrase, String card) {
    public CustodianProof {
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(passphrase, "passphrase");
    }

    /** A passphrase proof, for development profiles. */
    public CustodianProof(String operatorId, char[] passphrase) {
        this(operatorId, passphrase, null);
    }

    public void wipe() {
        Arrays.fill(passphrase, '\0');
    }

    @Override
    public String toString() {
        return "CustodianProof[" + operatorId + "]";
    }
}
