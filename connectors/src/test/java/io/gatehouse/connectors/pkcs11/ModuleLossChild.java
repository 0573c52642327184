package io.gatehouse.connectors.pkcs11;

import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.keys.KeyCustody;
import io.gatehouse.data.keys.KeyRing;
import io.gatehouse.data.keys.RotationInterruptedException;
import io.gatehouse.data.keys.RotationOutcome;
import io.gatehouse.data.keys.RotationPolicy;
import io.gatehouse.data.keys.RotationStep;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.TestOperators;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;

/**
 * A console whose token goes away mid-rotation, run in its own JVM with its own SOFTHSM2_CONF:
 * {@code DIR URL ADMIN TOKEN RING MODE}. Mode {@code lose} rotates, says "generated" once the new key is
 * recorded and waits for a line on stdin (the parent takes the token away meanwhile), then goes on and prints
 * what happened. Mode {@code resume} rotates again; mode {@code roll-back} abandons the rotation.
 */
public final class ModuleLossChild {
    private ModuleLossChild() {
    }

    public static void main(String[] args) throws Exception {
        String ring = args[4];
        InstantSource clock = InstantSource.system();
        LocalOperatorSession alice = TestOperators.session(clock, Role.KEY_CUSTODIAN);
        try (LocalStore store = LocalStore.open(Path.of(args[0]));
                TokenSession token = Pkcs11Modules.open(SoftHsm.MODULE).openSession(args[3], SoftHsm.pin())) {
            KeyCustody custody = new KeyCustody(store, new AuditLog(store, alice, clock), alice, token,
                    RotationRig.registry(URI.create(args[1]), args[2]), clock);
            switch (args[5]) {
                case "lose" -> lose(custody, ring);
                case "resume" -> {
                    RotationOutcome outcome = custody.rotate(ring);
                    System.out.println("resumed from " + outcome.resumedFrom().map(Enum::name).orElse("nothing")
                            + "; active v" + outcome.active().number());
                }
                case "roll-back" -> System.out.println("rolled back v" + custody.rollBack(ring).number());
                default -> throw new IllegalArgumentException(args[5]);
            }
        }
        System.out.flush();
    }

    private static void lose(KeyCustody custody, String ring) throws Exception {
        if (custody.ring(ring).isEmpty()) {
            custody.createRing(ring, RotationPolicy.defaults(KeyAlgorithm.EC_P256));
            custody.rotate(ring);
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            custody.rotate(ring, step -> {
                if (step == RotationStep.GENERATED) {
                    System.out.println("generated");
                    System.out.flush();
                    try {
                        in.readLine();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
            System.out.println("not interrupted");
        } catch (RotationInterruptedException e) {
            System.out.println("interrupted: " + e.getMessage().replace('\n', ' '));
            KeyRing now = custody.ring(ring).orElseThrow();
            System.out.println("active v" + now.active().orElseThrow().number() + "; pending v"
                    + now.pending().orElseThrow().number() + " after " + now.pending().get().step());
        }
    }
}
