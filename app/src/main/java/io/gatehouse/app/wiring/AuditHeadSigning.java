package io.gatehouse.app.wiring;

import io.gatehouse.connectors.pkcs11.Pkcs11Modules;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.config.ConnectionProfile;
import io.gatehouse.data.keys.AuditHeadSchedule;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.secrets.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The console's timed signing of the audit head, with the profile's token. Nobody is there to type a PIN for
 * a timer, so the PIN comes from the secret named {@code token.pinSecret}; without it, or with the store
 * locked, the schedule reports itself degraded with what to do, and heads are still signed at custody steps.
 */
final class AuditHeadSigning {
    /** How often the head is signed; a truncated tail can hide at most this long. */
    static final Duration INTERVAL = Duration.ofMinutes(15);

    private AuditHeadSigning() {
    }

    static AuditHeadSchedule schedule(Composition composition, ConnectionProfile.Token token,
            ScheduledExecutorService scheduler, InstantSource clock) {
        return new AuditHeadSchedule(composition.store(), composition.auditLog(), composition.session(),
                () -> open(composition, token), scheduler, clock, INTERVAL);
    }

    private static TokenSession open(Composition composition, ConnectionProfile.Token token) {
        if (token.pinSecret() == null) {
            throw new GatehouseException(FailureKind.CONFIGURATION, "timed signing needs the token's PIN in the secret"
                    + " store: add it with gatehouse secrets set NAME and set token.pinSecret: NAME in the profile");
        }
        Secret pin = composition.secrets().current().flatMap(store -> store.get(token.pinSecret()))
                .orElseThrow(() -> new GatehouseException(FailureKind.PERMISSION, "the secret store is locked or has no"
                        + " secret '" + token.pinSecret() + "' with the token's PIN; unlock it under Connections"));
        try (pin) {
            char[] copy = pin.chars().clone(); // the token layer wipes what it is given
            return Pkcs11Modules.open(Path.of(token.module())).openSession(token.label(), info -> copy);
        }
    }
}
