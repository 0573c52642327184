package io.gatehouse.data.operator.card;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.keys.SpkiKeys;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.ProofKind;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.Objects;

/**
 * Proof of presence by smartcard: the card, already unlocked by its PIN, signs a fresh random challenge, and
 * the signature is checked against the certificate enrolled for the operator. Logging in to the card is not
 * the proof; anyone can open a session on a card that answers to a guessed or shared PIN only if it also
 * holds the enrolled key.
 */
public final class CardPresence {
    /** How far a challenge's time may be from this console's clock. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(2);

    private final InstantSource clock;
    private final Duration tolerance;

    public CardPresence(InstantSource clock, Duration tolerance) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("the tolerance must be positive");
        }
    }

    /** Signs a fresh challenge with the card and records the result as the session's proof; throws when it fails. */
    public void prove(LocalOperatorSession session, TokenSession card, EnrolledCard enrolment) {
        String operatorId = session.operator().id();
        if (!enrolment.operatorId().equals(operatorId)) {
            throw new GatehouseException(FailureKind.PERMISSION, "This card is enrolled for " + enrolment.operatorId()
                    + ", not for " + operatorId + ". Use your own card.");
        }
        session.proveWith(ProofKind.SMARTCARD, () -> {
            CardChallenge challenge = CardChallenge.issue(operatorId, clock);
            byte[] signature = card.sign(enrolment.keyLabel(), enrolment.mechanism(), challenge.payload());
            verify(enrolment, challenge, signature);
            return true;
        });
    }

    /**
     * Checks a card's answer to a challenge: the challenge names this operator and is recent by this console's
     * clock, the certificate is valid now, and the signature verifies with its public key.
     *
     * @throws GatehouseException saying which check failed and what to do
     */
    public void verify(EnrolledCard enrolment, CardChallenge challenge, byte[] signature) {
        Instant now = clock.instant();
        if (!challenge.operatorId().equals(enrolment.operatorId())) {
            throw refused("The card answered a challenge for " + challenge.operatorId() + ", not for "
                    + enrolment.operatorId() + ".");
        }
        Duration skew = Duration.between(challenge.issuedAt(), now).abs();
        if (skew.compareTo(tolerance) > 0) {
            throw refused("The proof was made at " + challenge.issuedAt() + ", " + skew.toSeconds()
                    + " s away from this console's clock (" + now + "); at most " + tolerance.toSeconds()
                    + " s are allowed. Check the clock of this computer, then try again.");
        }
        try {
            enrolment.certificate().checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            throw refused("The card's certificate expired on " + enrolment.certificate().getNotAfter().toInstant()
                    + ". Ask a lead to enrol your renewed certificate.");
        } catch (CertificateNotYetValidException e) {
            throw refused("The card's certificate is valid only from " + enrolment.certificate().getNotBefore()
                    .toInstant() + ". Check the clock of this computer, or wait until then.");
        }
        if (!SpkiKeys.verify(enrolment.certificate().getPublicKey(), enrolment.mechanism(), challenge.payload(),
                signature)) {
            throw refused("The card's signature does not match the certificate enrolled for " + enrolment.operatorId()
                    + ": this is not the enrolled card, or its key '" + enrolment.keyLabel() + "' was replaced.");
        }
    }

    private static GatehouseException refused(String message) {
        return new GatehouseException(FailureKind.PERMISSION, message);
    }
}
