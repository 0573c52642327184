package io.gatehouse.app.wiring;

import io.gatehouse.connectors.pkcs11.Pkcs11Modules;
import io.gatehouse.data.config.GatehouseConfig;
import io.gatehouse.data.config.OperatorChoice;
import io.gatehouse.data.config.SignInMethod;
import io.gatehouse.data.operator.card.CardEnrolments;
import io.gatehouse.data.operator.card.CardPresence;
import io.gatehouse.data.operator.presence.OperatorProof;
import io.gatehouse.data.operator.presence.PassphraseProof;
import io.gatehouse.data.operator.presence.SessionGuard;
import io.gatehouse.data.operator.presence.SmartcardProof;
import java.nio.file.Path;
import java.time.InstantSource;

/** The operator's session guard as the configuration asks for it: smartcard sign-in, or the weaker local profile. */
public final class SessionWiring {
    private SessionWiring() {
    }

    public static SessionGuard guard(Composition composition, InstantSource clock) {
        GatehouseConfig config = composition.config();
        return new SessionGuard(composition.session(), proof(composition, clock), composition.auditLog()::append, clock,
                config.sessionOrDefault().idleLockOrDefault(), config.sessionOrDefault().stepUpMaxAgeOrDefault());
    }

    static OperatorProof proof(Composition composition, InstantSource clock) {
        GatehouseConfig config = composition.config();
        if (config.signInMethod() == SignInMethod.SMARTCARD) {
            OperatorChoice.Card card = config.signedIn().card();
            CardEnrolments enrolments = new CardEnrolments(composition.store(), composition.auditLog(),
                    composition.session(), clock);
            return new SmartcardProof(pin -> Pkcs11Modules.open(Path.of(card.module())).openSession(card.tokenLabel(), pin),
                    enrolments::enrolled, new CardPresence(clock, CardPresence.DEFAULT_TOLERANCE));
        }
        return new PassphraseProof(() -> composition.secrets().exists());
    }

    /** True when the active profile or the anomaly settings name a secret the console will read. */
    public static boolean namesSecrets(GatehouseConfig config) {
        var profile = config.activeProfile();
        return (profile.caseApi() != null && profile.caseApi().apiKeySecret() != null)
                || (profile.stripe() != null && profile.stripe().apiKeySecret() != null)
                || (profile.prometheus() != null && profile.prometheus().bearerTokenSecret() != null)
                || config.webhookSecret().isPresent();
    }
}
