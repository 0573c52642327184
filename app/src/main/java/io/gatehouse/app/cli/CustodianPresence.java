package io.gatehouse.app.cli;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.connectors.pkcs11.Pkcs11Modules;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.card.CardEnrolments;
import io.gatehouse.data.operator.card.CardPresence;
import io.gatehouse.data.operator.card.EnrolledCard;
import java.io.Console;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Objects;

/**
 * Makes each custodian of a dual-control command prove presence in this one run: the signed-in operator
 * through their own session, anybody else through a session of their own, every attempt audited under the
 * custodian's name. Whether the proofs are two different people and strong enough is the domain's check, not
 * this class's.
 */
final class CustodianPresence {
    private final Composition composition;
    private final InstantSource clock;
    private final Path defaultModule;

    CustodianPresence(Composition composition, InstantSource clock, Path defaultModule) {
        this.composition = Objects.requireNonNull(composition, "composition");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultModule = defaultModule;
    }

    /** The custodian's session with a fresh proof of presence; throws with a clear sentence when they fail it. */
    LocalOperatorSession prove(CustodianOptions custodian) {
        LocalOperatorSession session = composition.sessionFor(custodian.id);
        if (custodian.usesCard()) {
            proveWithCard(session, custodian);
        } else {
            char[] passphrase = custodian.passphraseFd != null
                    ? DescriptorLine.read(custodian.passphraseFd, "passphrase", 1024,
                            "--custodian-passphrase-fd 4 4<passphrase-file")
                    : fromTerminal(custodian.id);
            proveWithPassphrase(session, passphrase);
        }
        return session;
    }

    // The passphrase is checked by the secret store it opens, so the first one typed also unlocks it; a
    // refused unlock leaves the store shut and the proof below fails, audited like any failed proof.
    private void proveWithPassphrase(LocalOperatorSession session, char[] passphrase) {
        char[] proof = passphrase.clone();
        try {
            if (composition.secrets().current().isEmpty() && composition.secrets().exists()) {
                try {
                    composition.secrets().unlock(passphrase.clone());
                } catch (RuntimeException e) {
                    // not the passphrase: the proof that follows says so
                }
            }
            session.proveWithPassphrase(proof);
        } finally {
            Arrays.fill(passphrase, '\0');
            Arrays.fill(proof, '\0');
        }
    }

    private void proveWithCard(LocalOperatorSession session, CustodianOptions custodian) {
        String id = session.operator().id();
        EnrolledCard card = new CardEnrolments(composition.store(), composition.auditLog(), composition.session(), clock)
                .enrolled(id).orElseThrow(() -> new GatehouseException(FailureKind.PERMISSION, "No card is enrolled for "
                        + id + ". Ask for one with 'gatehouse operators request-card' and have a lead approve it."));
        Path module = custodian.cardModule != null ? custodian.cardModule : defaultModule;
        if (module == null) {
            throw new GatehouseException(FailureKind.CONFIGURATION, "Name the PKCS#11 library of " + id
                    + "'s card with --card-module PATH.");
        }
        PinReader pin = new PinReader(custodian.cardPinFd, System.console());
        if (!pin.available()) {
            throw new GatehouseException(FailureKind.CONFIGURATION, "No terminal to ask the PIN of " + id
                    + "'s card on; pass it on a file descriptor with --card-pin-fd N.");
        }
        try (TokenSession token = Pkcs11Modules.open(module).openSession(custodian.cardToken, pin)) {
            new CardPresence(clock, CardPresence.DEFAULT_TOLERANCE).prove(session, token, card);
        }
    }

    private static char[] fromTerminal(String id) {
        Console console = System.console();
        if (console == null || !console.isTerminal()) {
            throw new GatehouseException(FailureKind.CONFIGURATION, "No terminal to ask the passphrase of " + id
                    + " on; give --card-token for their card, or --custodian-passphrase-fd N in a development profile.");
        }
        char[] passphrase = console.readPassword("Passphrase of custodian %s: ", id);
        if (passphrase == null || passphrase.length == 0) {
            throw new GatehouseException(FailureKind.PERMISSION, "No passphrase was entered for " + id + ".");
        }
        return passphrase;
    }
}
