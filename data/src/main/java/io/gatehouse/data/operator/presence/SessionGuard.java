package io.gatehouse.data.operator.presence;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.keys.token.TokenException;
import io.gatehouse.data.operator.FreshProofRequiredException;
import io.gatehouse.data.operator.LocalOperatorSession;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The console's authentication state: signed in or not, locked or not, and how fresh the last proof is. Time
 * comes from the injected clock, and the window reports user input through {@link #touch()}, so the idle lock
 * is tested without waiting. Every sign-in, step-up, failure, lock, unlock and sign-out is audited; an entry
 * names the proof kind and the outcome, never what was typed.
 */
public final class SessionGuard {
    private final LocalOperatorSession session;
    private final OperatorProof proof;
    private final AuthEvents audit;
    private final InstantSource clock;
    private final Duration idleLock;
    private final Duration stepUpMaxAge;
    private boolean signedIn;
    private boolean locked;
    private Instant lastActivity;

    public SessionGuard(LocalOperatorSession session, OperatorProof proof, AuthEvents audit, InstantSource clock,
            Duration idleLock, Duration stepUpMaxAge) {
        this.session = Objects.requireNonNull(session, "session");
        this.proof = Objects.requireNonNull(proof, "proof");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idleLock = Objects.requireNonNull(idleLock, "idleLock");
        this.stepUpMaxAge = Objects.requireNonNull(stepUpMaxAge, "stepUpMaxAge");
        this.lastActivity = clock.instant();
    }

    public LocalOperatorSession session() {
        return session;
    }

    /** True for the development profile: the window title and the audit log say so. */
    public boolean weaker() {
        return proof.weaker();
    }

    /** False when sign-in, unlock and step-up need nothing typed (the development sandbox without a secret store). */
    public boolean needsSecret() {
        return proof.needsSecret();
    }

    /** {@code smartcard} or {@code local-weaker}. */
    public String proofName() {
        return proof.auditName();
    }

    public Duration idleLock() {
        return idleLock;
    }

    public Duration stepUpMaxAge() {
        return stepUpMaxAge;
    }

    public synchronized boolean signedIn() {
        return signedIn;
    }

    public synchronized boolean locked() {
        return locked;
    }

    /** Proves presence and opens the session; a failure is audited and thrown with a one-sentence reason. */
    public void signIn(char[] secret) {
        attempt("operator.signin", secret, Map.of());
        synchronized (this) {
            signedIn = true;
            locked = false;
            lastActivity = clock.instant();
        }
    }

    /**
     * Signs in the development profile without any proof, as the sandbox default does; audited as weaker, and
     * it gives no fresh proof for step-up.
     */
    public void signInUnproven() {
        if (!proof.weaker()) {
            throw new IllegalStateException("only the local development profile signs in without a proof");
        }
        audit.record("operator.signin", subject(), details(Map.of("result", "accepted", "proof", "none")));
        synchronized (this) {
            signedIn = true;
            locked = false;
            lastActivity = clock.instant();
        }
    }

    /** The operator used the window: postpones the idle lock. Ignored while locked. */
    public synchronized void touch() {
        if (!locked) {
            lastActivity = clock.instant();
        }
    }

    /** True when the operator is signed in, not locked, and gave no input for the idle time. */
    public synchronized boolean idle() {
        return signedIn && !locked && !clock.instant().isBefore(lastActivity.plus(idleLock));
    }

    /** Locks when the idle time has passed since the last input; returns true when it locked now. */
    public boolean lockIfIdle() {
        if (!idle()) {
            return false;
        }
        lock(LockReason.IDLE);
        return true;
    }

    /** Locks now; the window covers its content until {@link #unlock(char[])} succeeds. */
    public void lock(LockReason reason) {
        synchronized (this) {
            if (locked || !signedIn) {
                return;
            }
            locked = true;
        }
        audit.record("operator.lock", subject(), details(Map.of("reason", reason.name().toLowerCase(Locale.ROOT))));
    }

    /**
     * Unlocks with the signed-in operator's own proof: their card's PIN, or the passphrase for the development
     * profile. Someone else's card cannot unlock, because its signature does not match this operator's
     * enrolled certificate; they can only sign the session out.
     */
    public void unlock(char[] secret) {
        attempt("operator.unlock", secret, Map.of());
        synchronized (this) {
            locked = false;
            lastActivity = clock.instant();
        }
    }

    /** Ends the session, locked or not; the console closes after it. */
    public void signOut() {
        boolean wasLocked;
        synchronized (this) {
            if (!signedIn) {
                return;
            }
            wasLocked = locked;
            signedIn = false;
            locked = true;
        }
        audit.record("operator.signout", subject(), details(Map.of("whileLocked", Boolean.toString(wasLocked))));
    }

    /** True when a sensitive action may go ahead without asking for a new proof. */
    public boolean fresh() {
        try {
            session.requireFreshProof(stepUpMaxAge);
            return true;
        } catch (FreshProofRequiredException e) {
            return false;
        }
    }

    /** A fresh proof before {@code action} (an audit name such as {@code key.rotate}); audited with the action. */
    public void stepUp(String action, char[] secret) {
        attempt("operator.stepup", secret, Map.of("action", action));
    }

    private void attempt(String event, char[] secret, Map<String, String> extra) {
        synchronized (this) {
            if (!event.equals("operator.signin") && !signedIn) {
                Arrays.fill(secret, '\0');
                throw new GatehouseException(FailureKind.PERMISSION, "Nobody is signed in; sign in first.");
            }
        }
        try {
            proof.prove(session, secret);
        } catch (RuntimeException e) {
            Map<String, String> failed = new LinkedHashMap<>(extra);
            failed.put("event", event.substring("operator.".length()));
            failed.put("reason", reason(e));
            audit.record("operator.auth.failed", subject(), details(failed));
            throw e;
        } finally {
            Arrays.fill(secret, '\0');
        }
        Map<String, String> ok = new LinkedHashMap<>(extra);
        ok.put("result", "accepted");
        audit.record(event, subject(), details(ok));
    }

    /** A code for the audit log; the message may quote a label, never a secret, but codes are what gets counted. */
    private static String reason(RuntimeException e) {
        if (e instanceof TokenException t) {
            return t.reason().name().toLowerCase(Locale.ROOT);
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("expired")) {
            return "certificate_expired";
        }
        if (message.contains("No smartcard is enrolled")) {
            return "not_enrolled";
        }
        if (message.contains("signature does not match")) {
            return "wrong_card";
        }
        return e instanceof GatehouseException g ? g.kind().name().toLowerCase(Locale.ROOT) : "error";
    }

    private Map<String, String> details(Map<String, String> extra) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("kind", proof.auditName());
        out.putAll(extra);
        return out;
    }

    private String subject() {
        return "operator/" + session.operator().id();
    }
}
