package io.gatehouse.data.keys;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.audit.AuditHeads;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.SignedHead;
import io.gatehouse.data.keys.token.TokenException;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.operator.OperatorSession;
import io.gatehouse.data.operator.Permission;
import io.gatehouse.data.operator.ProofKind;
import io.gatehouse.data.store.LocalStore;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * The key custody service: key rings, their rotation, retirement and destruction. Every method
 * checks the operator's permission itself, every change is audited in the same transaction as the
 * recorded state, and the audit head is signed after each rotation step. All methods do blocking
 * token and network I/O: call them from a background thread.
 */
public final class KeyCustody {
    /** The ring whose active version signs the audit chain's head. */
    public static final String AUDIT_RING = "audit-chain";
    private volatile boolean smartcardsRequired;

    private final KeyRingLedger ledger;
    private final KeyRingView view;
    private final AuditHeads heads;
    private final OperatorSession session;
    private final TokenSession token;
    private final JwksPublisher jwks;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    public KeyCustody(LocalStore store, AuditLog audit, OperatorSession session, TokenSession token,
            JwksPublisher jwks, InstantSource clock) {
        this.ledger = new KeyRingLedger(Objects.requireNonNull(store, "store"), Objects.requireNonNull(audit, "audit"));
        this.session = Objects.requireNonNull(session, "session");
        this.view = new KeyRingView(store, session, clock);
        this.heads = new AuditHeads(store, session, clock);
        this.token = Objects.requireNonNull(token, "token");
        this.jwks = Objects.requireNonNull(jwks, "jwks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public KeyRing createRing(String name, RotationPolicy policy) {
        session.require(Permission.MANAGE_KEYS);
        return ledger.create(KeyRing.checkName(name), policy, clock.instant());
    }

    public List<KeyRing> rings() {
        return view.rings();
    }

    public Optional<KeyRing> ring(String name) {
        return view.ring(name);
    }

    /**
     * Rotates the ring: generate on the token, self-test, publish, check served, activate, and move
     * the old primary to retiring. A rotation left pending by a failure or a crash is resumed from
     * its last recorded step instead of starting over.
     *
     * @throws RotationInterruptedException when a step fails; the old primary stays active
     */
    public RotationOutcome rotate(String ringName) {
        return rotate(ringName, step -> { });
    }

    /**
     * Rotates the ring as {@link #rotate(String)} does, telling {@code progress} each step as soon
     * as it is recorded (first the step a resumed rotation starts from). The listener may stop the
     * rotation between steps by throwing {@link CancellationException}: that is audited, and the
     * rotation stays pending, to be resumed or rolled back like any interrupted one.
     */
    public RotationOutcome rotate(String ringName, Consumer<RotationStep> progress) {
        Objects.requireNonNull(progress, "progress");
        session.require(Permission.MANAGE_KEYS);
        KeyRing ring = ledger.require(ringName);
        Optional<KeyVersion> inFlight = ring.pending();
        KeyVersion v = inFlight.orElseGet(() -> ledger.insert(
                KeyVersion.requested(ring.name(), ring.nextNumber(), clock.instant()), "key.rotation.requested",
                Map.of("algorithm", ring.policy().algorithm().name())));
        if (inFlight.isPresent()) {
            ledger.record("key.rotation.resumed", KeyRingLedger.subject(v), Map.of("fromStep", v.step().name()));
        }
        Optional<KeyVersion> old = ring.active();
        try {
            progress.accept(v.step());
            while (v.step() != RotationStep.ACTIVATED) {
                v = step(ring, v);
                sealHead();
                progress.accept(v.step());
            }
        } catch (CancellationException e) {
            // a cancel that arrives with the last step is too late: the rotation is done
            if (v.step() != RotationStep.ACTIVATED) {
                ledger.record("key.rotation.cancelled", KeyRingLedger.subject(v), Map.of("afterStep", v.step().name()));
                sealHead();
                throw e;
            }
        } catch (GatehouseException e) {
            ledger.record("key.rotation.failed", KeyRingLedger.subject(v), Map.of("failedStep",
                    v.step().following().name(), "reason", e.getMessage(), "primary",
                    old.map(o -> "v" + o.number()).orElse("none")));
            sealHead();
            throw new RotationInterruptedException(ring, v, e);
        }
        Optional<KeyVersion> retired = old.flatMap(o -> ledger.require(ringName).version(o.number()));
        return new RotationOutcome(v, retired, inFlight.map(KeyVersion::step));
    }

    private KeyVersion step(KeyRing ring, KeyVersion v) {
        RotationPolicy policy = ring.policy();
        return switch (v.step()) {
            case REQUESTED -> {
                // A crash after the token made the key but before that was recorded leaves a key
                // that never signed and was never published: replacing it is safe.
                if (token.listKeys().stream().anyMatch(k -> k.label().equals(v.keyLabel()))) {
                    token.destroy(v.keyLabel());
                }
                token.generateKeyPair(policy.algorithm(), v.keyLabel(), v.keyLabel().getBytes(StandardCharsets.UTF_8));
                PublicKey key = token.publicKey(v.keyLabel());
                if (!SpkiKeys.fits(key, policy.algorithm())) {
                    throw TokenException.unsupported(policy.algorithm() + " keys as asked (it made another kind)", null);
                }
                String kid = jwks.keyId(key);
                yield ledger.update(v, v.withPublicKey(kid, key.getEncoded()).withStep(RotationStep.GENERATED),
                        "key.rotation.generated", Map.of("algorithm", policy.algorithm().name()));
            }
            case GENERATED -> {
                byte[] challenge = new byte[32];
                random.nextBytes(challenge);
                byte[] signature = token.sign(v.keyLabel(), policy.mechanism(), challenge);
                // verified against the recorded key, not one read again from the token
                if (!SpkiKeys.verify(SpkiKeys.decode(v.publicKey()), policy.mechanism(), challenge, signature)) {
                    throw new GatehouseException(FailureKind.CHECK_FAILED, "The self-test signature of "
                            + v.keyLabel() + " does not verify with its public key.");
                }
                yield ledger.update(v, v.withStep(RotationStep.SELF_TESTED), "key.rotation.self-tested",
                        Map.of("mechanism", policy.mechanism().name()));
            }
            case SELF_TESTED -> {
                List<PublicKey> keys = publishedKeys(ledger.all());
                jwks.publish(keys);
                yield ledger.update(v, v.withStep(RotationStep.PUBLISHED), "key.rotation.published",
                        Map.of("keys", Integer.toString(keys.size())));
            }
            case PUBLISHED -> {
                Set<String> served = jwks.servedKeyIds();
                if (!served.contains(v.kid())) {
                    throw new GatehouseException(FailureKind.UPSTREAM, "The JWKS registry does not serve key "
                            + v.kid() + " yet.");
                }
                yield ledger.update(v, v.withStep(RotationStep.SERVED), "key.rotation.served",
                        Map.of("servedKeys", Integer.toString(served.size())));
            }
            case SERVED -> {
                KeyRing now = ledger.require(ring.name());
                Optional<KeyVersion> oldActive = now.active();
                yield ledger.activate(v, v.moveTo(KeyVersionState.ACTIVE, clock.instant(), policy), oldActive,
                        oldActive.map(o -> o.moveTo(KeyVersionState.RETIRING, clock.instant(), policy)));
            }
            case ACTIVATED -> v;
        };
    }

    /**
     * Abandons the ring's pending rotation: the new key leaves the published set and the token,
     * and the version is recorded as destroyed. The primary version is never touched.
     */
    public KeyVersion rollBack(String ringName) {
        session.require(Permission.MANAGE_KEYS);
        KeyRing ring = ledger.require(ringName);
        KeyVersion v = ring.pending().orElseThrow(() -> new IllegalKeyTransitionException(
                "Key ring '" + ringName + "' has no rotation in flight to roll back."));
        KeyVersion rolledBack = v.moveTo(KeyVersionState.DESTROYED, clock.instant(), ring.policy());
        // from self-tested on, the key may have reached the registry even if that was not recorded
        if (v.step().compareTo(RotationStep.SELF_TESTED) >= 0) {
            jwks.publish(publishedKeys(replace(ledger.all(), rolledBack)));
        }
        destroyOnToken(v.keyLabel());
        KeyVersion done = ledger.update(v, rolledBack, "key.rotation.rolled-back", Map.of("atStep", v.step().name()));
        sealHead();
        return done;
    }

    /**
     * Retires a version whose grace period is over: it leaves the published key set, so tokens it
     * signed stop verifying, and it waits out the destruction window, restorable.
     */
    public KeyVersion retire(String ringName, int number) {
        session.require(Permission.MANAGE_KEYS);
        KeyRing ring = ledger.require(ringName);
        KeyVersion v = version(ring, number);
        KeyVersion scheduled = v.moveTo(KeyVersionState.SCHEDULED_FOR_DESTRUCTION, clock.instant(), ring.policy());
        List<PublicKey> keys = publishedKeys(replace(ledger.all(), scheduled));
        jwks.publish(keys);
        if (jwks.servedKeyIds().contains(v.kid())) {
            throw new GatehouseException(FailureKind.UPSTREAM, "The JWKS registry still serves key " + v.kid()
                    + " after it was removed. Try again; the version stays retiring until the registry drops it.");
        }
        KeyVersion done = ledger.update(v, scheduled, "key.version.scheduled-for-destruction",
                Map.of("destroyAfter", scheduled.dueAt().toString()));
        sealHead();
        return done;
    }

    /** Brings a version scheduled for destruction back to retiring, and publishes it again. */
    public KeyVersion restore(String ringName, int number) {
        session.require(Permission.MANAGE_KEYS);
        KeyRing ring = ledger.require(ringName);
        KeyVersion v = version(ring, number);
        KeyVersion restored = v.moveTo(KeyVersionState.RETIRING, clock.instant(), ring.policy());
        jwks.publish(publishedKeys(replace(ledger.all(), restored)));
        KeyVersion done = ledger.update(v, restored, "key.version.restored", Map.of());
        sealHead();
        return done;
    }

    /** Versions whose destruction window is over, across all rings. */
    public List<KeyVersion> due() {
        return view.due();
    }

    /**
     * From now on, destruction takes two smartcard proofs; passphrase proofs stay for development profiles.
     */
    public void requireSmartcardProofs() {
        smartcardsRequired = true;
    }

    /**
     * Destroys on the token every version whose destruction window is over. Two different
     * custodians must each have proved presence recently; a refusal is audited too.
     */
    public List<KeyVersion> destroyDue(OperatorSession first, OperatorSession second) {
        session.require(Permission.MANAGE_KEYS);
        List<ProofKind> proofs;
        try {
            proofs = DualControl.check(first, second, smartcardsRequired);
        } catch (GatehouseException e) {
            ledger.record("key.destruction.refused", "key-rings", Map.of("first", first.operator().id(),
                    "second", second.operator().id(), "reason", e.getMessage()));
            throw e;
        }
        List<KeyVersion> due = due();
        refuseWhileServed(due);
        List<KeyVersion> destroyed = new ArrayList<>();
        for (KeyVersion v : due) {
            RotationPolicy policy = ledger.require(v.ring()).policy();
            KeyVersion gone = v.moveTo(KeyVersionState.DESTROYED, clock.instant(), policy);
            destroyOnToken(v.keyLabel());
            destroyed.add(ledger.update(v, gone, "key.version.destroyed", Map.of(
                    "custodians", first.operator().id() + "," + second.operator().id(),
                    "proofs", proofs.get(0).name().toLowerCase(Locale.ROOT) + "," + proofs.get(1).name()
                            .toLowerCase(Locale.ROOT))));
            sealHead();
        }
        return destroyed;
    }

    // A key that relying parties can still fetch may still be trusted for new tokens somewhere;
    // destroying it would turn a retirement into an outage, so the registry is asked first.
    private void refuseWhileServed(List<KeyVersion> due) {
        if (due.isEmpty()) {
            return;
        }
        Set<String> served = jwks.servedKeyIds();
        for (KeyVersion v : due) {
            if (served.contains(v.kid())) {
                GatehouseException e = new GatehouseException(FailureKind.UPSTREAM, "The JWKS registry still serves "
                        + v.keyLabel() + " (kid " + v.kid() + "), so nothing was destroyed. Make the registry serve the"
                        + " set 'gatehouse keys export-jwks' prints, then try again.");
                ledger.record("key.destruction.refused", "key-rings", Map.of("reason", e.getMessage()));
                throw e;
            }
        }
    }

    /** The public keys that belong in the JWKS now: every pending, active and retiring version. */
    public List<PublicKey> publishedKeys() {
        return view.publishedKeys();
    }

    /** Signs the audit chain's head now with the audit ring's active key; empty when there is none. */
    public Optional<SignedHead> signAuditHead() {
        session.require(Permission.MANAGE_KEYS);
        return ledger.find(AUDIT_RING).flatMap(KeyRing::active)
                .map(a -> heads.sign(token, a.keyLabel(), ledger.require(AUDIT_RING).policy().mechanism()));
    }

    // A failure to sign the head must not undo a step that is already recorded; it is audited
    // instead, and the next step or an on-demand signature covers the entries since.
    private void sealHead() {
        try {
            signAuditHead();
        } catch (GatehouseException e) {
            ledger.record("audit.head.unsigned", "audit-chain", Map.of("reason", e.getMessage()));
        }
    }

    private void destroyOnToken(String label) {
        try {
            token.destroy(label);
        } catch (TokenException e) {
            if (e.reason() != TokenException.Reason.NO_SUCH_TOKEN) {
                throw e;
            }
            // already gone: a crash came between the token's destroy and its record
        }
    }

    private static KeyVersion version(KeyRing ring, int number) {
        return ring.version(number).orElseThrow(() -> new GatehouseException(FailureKind.CONFIGURATION,
                "Key ring '" + ring.name() + "' has no version " + number + "."));
    }

    private static List<KeyRing> replace(List<KeyRing> rings, KeyVersion changed) {
        return rings.stream().map(r -> !r.name().equals(changed.ring()) ? r : new KeyRing(r.name(), r.policy(),
                r.versions().stream().map(v -> v.number() == changed.number() ? changed : v).toList())).toList();
    }

    private static List<PublicKey> publishedKeys(List<KeyRing> rings) {
        return KeyRingView.publishedKeys(rings);
    }
}
