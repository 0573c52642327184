package io.gatehouse.data.operator.presence;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.card.CardPresence;
import io.gatehouse.data.operator.card.EnrolledCard;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Proof by the operator's enrolled smartcard: the PIN opens the card, the card signs a fresh challenge, and the
 * signature is checked against the enrolled certificate. The login alone proves nothing; a card that opens
 * with the PIN but holds another key is refused.
 */
public final class SmartcardProof implements OperatorProof {
    private final OperatorCard card;
    private final Function<String, Optional<EnrolledCard>> enrolments;
    private final CardPresence presence;

    /**
     * @param enrolments the approved card of an operator id, such as {@code CardEnrolments::enrolled}
     */
    public SmartcardProof(OperatorCard card, Function<String, Optional<EnrolledCard>> enrolments,
            CardPresence presence) {
        this.card = Objects.requireNonNull(card, "card");
        this.enrolments = Objects.requireNonNull(enrolments, "enrolments");
        this.presence = Objects.requireNonNull(presence, "presence");
    }

    @Override
    public String auditName() {
        return "smartcard";
    }

    @Override
    public boolean weaker() {
        return false;
    }

    @Override
    public boolean needsSecret() {
        return true;
    }

    @Override
    public void prove(LocalOperatorSession session, char[] pin) {
        try {
            String operatorId = session.operator().id();
            EnrolledCard enrolled = enrolments.apply(operatorId).orElseThrow(() -> new GatehouseException(
                    FailureKind.PERMISSION, "No smartcard is enrolled for " + operatorId
                            + "; ask a lead to approve your card (gatehouse operators request, then approve)."));
            // each login gets its own copy: the token layer wipes what it is given
            try (TokenSession session2 = card.open(token -> pin.clone())) {
                presence.prove(session, session2, enrolled);
            }
        } finally {
            Arrays.fill(pin, '\0');
        }
    }
}
