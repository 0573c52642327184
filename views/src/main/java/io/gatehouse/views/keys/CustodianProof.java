package io.gatehouse.views.keys;

import java.util.Arrays;
import java.util.Objects;

/**
 * A custodian's proof of presence for dual control: who, and the passphrase they typed. The
 * receiver checks the passphrase and then wipes it with {@link #wipe()}.
 */
public record CustodianProof(String operatorId, char[] passphrase) {
    public CustodianProof {
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(passphrase, "passphrase");
    }

    public void wipe() {
        Arrays.fill(passphrase, '\0');
    }

    @Override
    public String toString() {
        return "CustodianProof[" + operatorId + "]";
    }
}
