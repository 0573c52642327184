package io.gatehouse.data.operator.card;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;

/**
 * A fresh random challenge for an operator's smartcard to sign. The signed bytes name the purpose, the
 * operator and the moment, so a signature made for one operator, or for anything else, proves nothing here.
 */
public record CardChallenge(String operatorId, Instant issuedAt, byte[] nonce) {
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int NONCE_BYTES = 32;

    public CardChallenge {
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        nonce = nonce.clone();
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("a challenge nonce has " + NONCE_BYTES + " bytes");
        }
    }

    public static CardChallenge issue(String operatorId, InstantSource clock) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return new CardChallenge(operatorId, clock.instant().truncatedTo(ChronoUnit.MILLIS), nonce);
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    /** The bytes the card signs. */
    public byte[] payload() {
        return ("gatehouse-operator-presence-v1\n" + operatorId + "\n" + issuedAt + "\n"
                + Base64.getEncoder().encodeToString(nonce)).getBytes(StandardCharsets.UTF_8);
    }
}
