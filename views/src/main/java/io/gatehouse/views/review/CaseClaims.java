package io.gatehouse.views.review;

import io.gatehouse.data.review.CaseClaim;
import io.gatehouse.data.review.CaseClaimedException;
import io.gatehouse.views.common.TaskExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The analyst's lease on the case in front of them, through the Case API: taken when the case is
 * opened or acted on, renewed while the analyst is active, released when they move on, and let go
 * when they are idle, all on the injected clock's time as the shared tick reports it.
 */
final class CaseClaims {
    /** How long one lease lasts; it is renewed before it runs out while the analyst is active. */
    static final Duration TTL = Duration.ofMinutes(5);
    static final Duration RENEW_BEFORE = Duration.ofMinutes(1);
    /** With no key press or click for this long, the lease is given back for someone else. */
    static final Duration IDLE_LIMIT = Duration.ofMinutes(5);
    /** An assignment is a lease in the assignee's name; it lasts a working hour unless they renew it. */
    static final Duration ASSIGN_TTL = Duration.ofHours(1);

    private final ReviewDeskPort desk;
    private final TaskExecutor tasks;
    private final Consumer<Throwable> errors;
    private final ObjectProperty<ClaimState> state = new SimpleObjectProperty<>(this, "claim", ClaimState.none());
    private CaseClaim held;
    private Instant lastActivity;
    private long run;
    private boolean renewing;

    CaseClaims(ReviewDeskPort desk, TaskExecutor tasks, Consumer<Throwable> errors) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    ObjectProperty<ClaimState> stateProperty() {
        return state;
    }

    /** The lease this console holds, if any. */
    CaseClaim held() {
        return held;
    }

    /** Takes (or renews) the lease on a case, giving back the one held on another case first. */
    void claim(String caseId, Instant now) {
        lastActivity = now;
        CaseClaim previous = held != null && !held.caseId().equals(caseId) ? held : null;
        if (previous != null) {
            held = null;
        }
        long mine = ++run;
        state.set(new ClaimState(caseId, ClaimState.Kind.CLAIMING, null, null, null));
        tasks.run(handle -> {
            if (previous != null) {
                releaseQuietly(previous);
            }
            return desk.claim(caseId, TTL);
        }, claim -> {
            if (mine != run) {
                // the analyst moved on while this lease was being taken: give it straight back
                tasks.run(handle -> {
                    releaseQuietly(claim);
                    return null;
                }, done -> { }, errors);
                return;
            }
            held = claim;
            state.set(mine(claim));
        }, failure -> {
            if (mine != run) {
                return;
            }
            state.set(refused(caseId, failure));
        });
    }

    /**
     * Hands the case to another analyst: this console's own lease on it is given back first, then the
     * lease is taken in their name for {@link #ASSIGN_TTL}.
     */
    void assign(String caseId, String analyst) {
        CaseClaim mine = held != null && held.caseId().equals(caseId) ? held : null;
        held = null;
        long ours = ++run;
        state.set(new ClaimState(caseId, ClaimState.Kind.CLAIMING, null, null, null));
        tasks.run(handle -> {
            if (mine != null) {
                releaseQuietly(mine);
            }
            return desk.assign(caseId, analyst, ASSIGN_TTL);
        }, claim -> {
            if (ours == run) {
                state.set(new ClaimState(caseId, ClaimState.Kind.OTHER, claim.holder(), claim.expiresAt(),
                        "Case " + caseId + " is assigned to " + claim.holder() + "; leave it to them."));
            }
        }, failure -> {
            if (ours == run) {
                state.set(refused(caseId, failure));
            }
        });
    }

    /** Gives back the lease held, as when the analyst leaves the case or the desk. */
    void release() {
        run++;
        CaseClaim previous = held;
        held = null;
        state.set(ClaimState.none());
        if (previous != null) {
            tasks.run(handle -> {
                releaseQuietly(previous);
                return null;
            }, done -> { }, errors);
        }
    }

    /** The analyst did something: the lease stays theirs. */
    void touch(Instant now) {
        lastActivity = now;
    }

    /** Called by the shared tick: renews a lease close to its end, or lets it go when the analyst is idle. */
    void tick(Instant now) {
        if (held == null) {
            return;
        }
        if (lastActivity != null && Duration.between(lastActivity, now).compareTo(IDLE_LIMIT) >= 0) {
            CaseClaim lapsed = held;
            release();
            state.set(new ClaimState(lapsed.caseId(), ClaimState.Kind.LAPSED, lapsed.holder(), lapsed.expiresAt(), null));
            return;
        }
        if (!renewing && Duration.between(now, held.expiresAt()).compareTo(RENEW_BEFORE) <= 0) {
            renewing = true;
            String caseId = held.caseId();
            long mine = run;
            tasks.run(handle -> desk.claim(caseId, TTL), claim -> {
                renewing = false;
                if (mine == run) {
                    held = claim;
                    state.set(mine(claim));
                }
            }, failure -> {
                renewing = false;
                if (mine == run) {
                    held = null;
                    state.set(refused(caseId, failure));
                }
            });
        }
    }

    private static ClaimState mine(CaseClaim claim) {
        return new ClaimState(claim.caseId(), ClaimState.Kind.MINE, claim.holder(), claim.expiresAt(), null);
    }

    private static ClaimState refused(String caseId, Throwable failure) {
        if (failure instanceof CaseClaimedException claimed) {
            return new ClaimState(caseId, ClaimState.Kind.OTHER, claimed.holder(), claimed.expiresAt(), claimed.getMessage());
        }
        return new ClaimState(caseId, ClaimState.Kind.FAILED, null, null, failure.getMessage());
    }

    private void releaseQuietly(CaseClaim claim) {
        try {
            desk.release(claim);
        } catch (RuntimeException e) {
            // the lease runs out by itself within its TTL; a failed release only delays that
            System.getLogger(CaseClaims.class.getName()).log(System.Logger.Level.INFO,
                    "releasing the claim on " + claim.caseId() + " failed: " + e.getMessage());
        }
    }
}
