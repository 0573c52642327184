package io.gatehouse.data.operator;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The operator signed in at this desktop, as named by the configuration. Fresh proof is, for now,
 * a passphrase re-entry: the weak kind, and recorded as such.
 */
public final class LocalOperatorSession implements OperatorSession {
    private final Operator operator;
    private final InstantSource clock;
    private final PassphraseVerifier verifier;
    private final List<BiConsumer<ProofKind, Boolean>> proofListeners = new CopyOnWriteArrayList<>();
    private volatile Instant lastProofAt;
    private volatile ProofKind lastProofKind;

    public LocalOperatorSession(Operator operator, InstantSource clock, PassphraseVerifier verifier) {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    @Override
    public Operator operator() {
        return operator;
    }

    @Override
    public void require(Permission permission) {
        if (!operator.may(permission)) {
            throw new PermissionDeniedException(operator, permission);
        }
    }

    @Override
    public ProofKind requireFreshProof(Duration maxAge) {
        Instant at = lastProofAt;
        if (at == null || at.plus(maxAge).isBefore(clock.instant())) {
            throw new FreshProofRequiredException(maxAge);
        }
        return lastProofKind;
    }

    /**
     * Checks a re-entered passphrase, then wipes it. Listeners hear of every attempt, so failed
     * attempts reach the audit log too.
     */
    public void proveWithPassphrase(char[] passphrase) {
        try {
            boolean ok = verifier.verify(passphrase);
            proofListeners.forEach(listener -> listener.accept(ProofKind.PASSPHRASE_WEAK, ok));
            if (!ok) {
                throw new GatehouseException(FailureKind.PERMISSION,
                        "The passphrase is not right. Check Caps Lock and try again.");
            }
            lastProofKind = ProofKind.PASSPHRASE_WEAK;
            lastProofAt = clock.instant();
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /**
     * Records the outcome of a stronger proof of presence made elsewhere, such as a smartcard signature over a
     * fresh challenge. {@code check} does the proving and says whether it passed; listeners hear of every
     * attempt. A check that throws counts as failed, and its exception is passed on.
     */
    public void proveWith(ProofKind kind, java.util.function.BooleanSupplier check) {
        Objects.requireNonNull(kind, "kind");
        boolean ok = false;
        try {
            ok = check.getAsBoolean();
        } finally {
            boolean passed = ok;
            proofListeners.forEach(listener -> listener.accept(kind, passed));
        }
        if (!ok) {
            throw new GatehouseException(FailureKind.PERMISSION, "The proof of presence failed; try again.");
        }
        lastProofKind = kind;
        lastProofAt = clock.instant();
    }

    /** Called with the proof kind and whether it succeeded, after every attempt. */
    public void onProofAttempt(BiConsumer<ProofKind, Boolean> listener) {
        proofListeners.add(listener);
    }
}
