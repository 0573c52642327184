package io.gatehouse.views.review;

import io.gatehouse.data.audit.AuditEntry;
import io.gatehouse.data.review.CaseClaim;
import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CaseNote;
import io.gatehouse.data.review.CasePage;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.DecisionOptions;
import io.gatehouse.data.review.DecisionResult;
import io.gatehouse.data.review.DeliveryState;
import io.gatehouse.data.review.OutboxEntry;
import io.gatehouse.data.review.PendingApproval;
import io.gatehouse.data.review.ReviewDesk;
import io.gatehouse.data.review.ReviewRules;
import io.gatehouse.views.session.SecretRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The part of the {@link ReviewDesk} the Review desk area uses. Every call but {@link #operatorId()},
 * {@link #slaTarget()} and {@link #mayDecideInBulk()} blocks, so the view models make them on the
 * background executor; tests give the area an in-memory one.
 */
public interface ReviewDeskPort {
    /** One page of cases matching the filter; a null cursor starts at the newest. */
    CasePage list(CaseFilter filter, String cursor);

    /** Where this console's latest decision on the case is on its way upstream, if it made one. */
    Optional<DeliveryState> latestDelivery(String caseId);

    /** Decides a case; a reversal needs a reason, the other actions may pass an empty one. */
    DecisionResult decide(String caseId, DecisionAction action, String reason);

    /** The signed-in operator's id: the name on their claims, and the assignee of "my cases". */
    String operatorId();

    /** How long a case may wait in review before it breaches the service level. */
    default Duration slaTarget() {
        return ReviewRules.DEFAULT_SLA;
    }

    /** Whether the operator holds the bulk permission; the desk checks again when a bulk run starts. */
    boolean mayDecideInBulk();

    /** Takes or renews this operator's lease on a case; another's live lease is a CaseClaimedException. */
    CaseClaim claim(String caseId, Duration ttl);

    void release(CaseClaim claim);

    /** Takes the lease in another analyst's name (leads). */
    CaseClaim assign(String caseId, String analyst, Duration ttl);

    List<CaseNote> notes(String caseId);

    CaseNote addNote(String caseId, String body);

    /** The case's entries in the audit chain, newest first. */
    List<AuditEntry> history(String caseId);

    /**
     * What the checker types to prove presence: the card's PIN for an operator signed in by smartcard, else the
     * passphrase of the (weaker) local profile. The inbox labels its field and its hints after it.
     */
    default SecretRequest.SecretKind checkerProof() {
        return SecretRequest.SecretKind.PASSPHRASE;
    }

    /** Four-eyes requests waiting for a checker. */
    List<PendingApproval> pendingApprovals();

    /**
     * Approves a four-eyes request as the checker, after proving presence with the passphrase; the
     * port wipes the passphrase whatever happens.
     */
    DecisionResult approve(String approvalId, String reason, char[] passphrase);

    /** Rejects a four-eyes request with a reason, after the same proof of presence. */
    PendingApproval reject(String approvalId, String reason, char[] passphrase);

    /** Opens a bulk run of {@code count} decisions; refused without the bulk permission. */
    void startBulk(DecisionAction action, int count);

    /** Records how a bulk run ended. */
    void finishBulk(DecisionAction action, int done, int failed, int skipped, boolean cancelled);

    /**
     * The port over the desk the app builds, with the desk's permissions, rules and audit.
     * {@code proveWithPassphrase} is the operator session's own step-up, which the desk's checker
     * actions then require.
     */
    static ReviewDeskPort of(ReviewDesk desk, Duration slaTarget, Consumer<char[]> proveWithPassphrase) {
        return of(desk, slaTarget, proveWithPassphrase, SecretRequest.SecretKind.PASSPHRASE);
    }

    /** As {@link #of(ReviewDesk, Duration, Consumer)}, with the kind of secret the session's step-up takes. */
    static ReviewDeskPort of(ReviewDesk desk, Duration slaTarget, Consumer<char[]> proveWithPassphrase,
            SecretRequest.SecretKind proof) {
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(slaTarget, "slaTarget");
        Objects.requireNonNull(proveWithPassphrase, "proveWithPassphrase");
        return new ReviewDeskPort() {
            @Override
            public CasePage list(CaseFilter filter, String cursor) {
                return desk.list(filter, cursor);
            }

            @Override
            public Optional<DeliveryState> latestDelivery(String caseId) {
                return desk.latestDecision(caseId).map(OutboxEntry::state);
            }

            @Override
            public DecisionResult decide(String caseId, DecisionAction action, String reason) {
                return desk.decide(caseId, action, reason, DecisionOptions.none());
            }

            @Override
            public String operatorId() {
                return desk.operatorId();
            }

            @Override
            public SecretRequest.SecretKind checkerProof() {
                return proof;
            }

            @Override
            public Duration slaTarget() {
                return slaTarget;
            }

            @Override
            public boolean mayDecideInBulk() {
                return desk.mayDecideInBulk();
            }

            @Override
            public CaseClaim claim(String caseId, Duration ttl) {
                return desk.claim(caseId, ttl);
            }

            @Override
            public void release(CaseClaim claim) {
                desk.release(claim);
            }

            @Override
            public CaseClaim assign(String caseId, String analyst, Duration ttl) {
                return desk.assign(caseId, analyst, ttl);
            }

            @Override
            public List<CaseNote> notes(String caseId) {
                return desk.notes(caseId);
            }

            @Override
            public CaseNote addNote(String caseId, String body) {
                return desk.addNote(caseId, body);
            }

            @Override
            public List<AuditEntry> history(String caseId) {
                return desk.history(caseId);
            }

            @Override
            public List<PendingApproval> pendingApprovals() {
                return desk.pendingApprovals();
            }

            @Override
            public DecisionResult approve(String approvalId, String reason, char[] passphrase) {
                try {
                    proveWithPassphrase.accept(passphrase);
                } finally {
                    Arrays.fill(passphrase, '\0');
                }
                return desk.approve(approvalId, reason);
            }

            @Override
            public PendingApproval reject(String approvalId, String reason, char[] passphrase) {
                try {
                    proveWithPassphrase.accept(passphrase);
                } finally {
                    Arrays.fill(passphrase, '\0');
                }
                return desk.reject(approvalId, reason);
            }

            @Override
            public void startBulk(DecisionAction action, int count) {
                desk.startBulk(action, count);
            }

            @Override
            public void finishBulk(DecisionAction action, int done, int failed, int skipped, boolean cancelled) {
                desk.finishBulk(action, done, failed, skipped, cancelled);
            }
        };
    }
}
