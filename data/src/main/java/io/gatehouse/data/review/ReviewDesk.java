package io.gatehouse.data.review;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.operator.Operator;
import io.gatehouse.data.operator.OperatorSession;
import io.gatehouse.data.operator.Permission;
import io.gatehouse.data.review.mirror.CaseMirror;
import io.gatehouse.data.review.mirror.CaseSort;
import io.gatehouse.data.review.mirror.MirrorIds;
import io.gatehouse.data.review.mirror.MirrorStatus;
import io.gatehouse.data.store.LocalStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The analyst's desk: every read and decision goes through here, whether from the console or
 * the command line, so both apply the same permissions, rules and audit. A decision is audited
 * and put in the outbox in one transaction; the sender delivers it from there.
 */
public final class ReviewDesk {
    static final int MAX_REASON = 2000;
    /** How recent the checker's proof of presence must be to approve or reject a four-eyes request. */
    public static final Duration CHECKER_PROOF_MAX_AGE = Duration.ofMinutes(5);
    /** How many audit entries a case's history shows at most. */
    public static final int HISTORY_LIMIT = 500;
    private static final String NO_REASON = "(no reason given)";

    private final FraudQueue queue;
    private final LocalStore store;
    private final AuditLog audit;
    private final DecisionOutbox outbox;
    private final OutboxSender sender;
    private final OperatorSession session;
    private final InstantSource clock;
    private final ReviewRules rules;
    private final CaseMirror mirror;
    /** When each claim this desk took lapses, by case: renewing a live one is not a new claim, nor audited again. */
    private final java.util.Map<String, java.time.Instant> heldClaims = new java.util.concurrent.ConcurrentHashMap<>();

    public ReviewDesk(FraudQueue queue, LocalStore store, AuditLog audit, DecisionOutbox outbox, OutboxSender sender,
            OperatorSession session, InstantSource clock, ReviewRules rules) {
        this(queue, store, audit, outbox, sender, session, clock, rules, null);
    }

    /**
     * A desk that lists from {@code mirror}, the local copy of the queue, once it has been filled;
     * until then, and for cursors the upstream made, it lists from the upstream. Null means no mirror.
     */
    public ReviewDesk(FraudQueue queue, LocalStore store, AuditLog audit, DecisionOutbox outbox, OutboxSender sender,
            OperatorSession session, InstantSource clock, ReviewRules rules, CaseMirror mirror) {
        this.mirror = mirror;
        this.queue = Objects.requireNonNull(queue, "queue");
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.session = Objects.requireNonNull(session, "session");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** A page of cases, newest first. */
    public CasePage list(CaseFilter filter, String cursor) {
        return list(filter, CaseSort.NEWEST, cursor);
    }

    /**
     * A page of cases in the given order. Orders other than newest first need the local mirror,
     * as the upstream lists newest first only.
     */
    public CasePage list(CaseFilter filter, CaseSort sort, String cursor) {
        session.require(Permission.VIEW_CASES);
        Objects.requireNonNull(sort, "sort");
        boolean upstreamCursor = cursor != null && !CaseMirror.ownsCursor(cursor);
        if (!upstreamCursor && mirrorSynced()) {
            return mirror.page(filter, sort, cursor);
        }
        if (sort != CaseSort.NEWEST) {
            throw mirrorNotReady("sorting by " + sort.wireName());
        }
        return queue.list(filter, cursor);
    }

    /** How many cases match the filter, across all pages (from the local mirror). */
    public long count(CaseFilter filter) {
        session.require(Permission.VIEW_CASES);
        if (!mirrorSynced()) {
            throw mirrorNotReady("counting cases");
        }
        return mirror.count(filter);
    }

    /**
     * The ids of every case matching the filter, a chunk at a time, for bulk actions over the whole
     * filtered set rather than the visible page; {@code cursor} null starts, and a null next cursor ends.
     */
    public MirrorIds caseIds(CaseFilter filter, String cursor, int chunk) {
        session.require(Permission.VIEW_CASES);
        if (!mirrorSynced()) {
            throw mirrorNotReady("selecting every matching case");
        }
        return mirror.ids(filter, cursor, chunk);
    }

    /** Where the local mirror stands, if this desk has one. */
    public Optional<MirrorStatus> mirrorStatus() {
        session.require(Permission.VIEW_CASES);
        return mirror == null ? Optional.empty() : Optional.of(mirror.status());
    }

    private boolean mirrorSynced() {
        return mirror != null && mirror.synced();
    }

    private static GatehouseException mirrorNotReady(String what) {
        return new GatehouseException(FailureKind.UPSTREAM, "The local copy of the queue is still being filled;"
                + " " + what + " works once it is. Try again in a moment.");
    }

    public ReviewCase find(String caseId) {
        session.require(Permission.VIEW_CASES);
        return queue.get(caseId);
    }

    /** The newest local decision on a case and where it is on its way upstream, if any. */
    public Optional<OutboxEntry> latestDecision(String caseId) {
        session.require(Permission.VIEW_CASES);
        return outbox.forCase(caseId).stream().findFirst();
    }

    /** The outbox entry for a decision, by its idempotency key, with its current delivery state. */
    public Optional<OutboxEntry> delivery(String idempotencyKey) {
        session.require(Permission.VIEW_CASES);
        return outbox.find(idempotencyKey);
    }

    /**
     * Decides a case. Returns once the decision and its audit entry are committed locally, or once
     * a reversal above the four-eyes threshold has been filed upstream for a second person.
     */
    public DecisionResult decide(String caseId, DecisionAction action, String reason, DecisionOptions options) {
        session.require(Permission.DECIDE_CASES);
        Objects.requireNonNull(options, "options");
        if (!DecisionAction.decidable().contains(action)) {
            throw new DecisionRefusedException("'" + action + "' is not a decision; use one of approve, decline,"
                    + " reverse_decline, hold or escalate (undo has its own command).");
        }
        boolean reversal = DecisionAction.REVERSE_DECLINE.equals(action);
        String text = reason == null ? "" : reason.strip();
        if (reversal && text.isEmpty()) {
            throw new DecisionRefusedException("Reversing an automated decline needs a reason: say why the order"
                    + " should go through.");
        }
        if (text.length() > MAX_REASON) {
            throw new DecisionRefusedException("The reason is " + text.length() + " characters; keep it under "
                    + MAX_REASON + ".");
        }
        if (options.notification() != null && !reversal) {
            throw new DecisionRefusedException("Only a reversed decline can notify the customer to retry.");
        }
        Operator maker = session.operator();
        DecisionRequest request = new DecisionRequest(action, text.isEmpty() ? NO_REASON : text, maker.id(),
                options.allowlist(), options.notification());
        if (reversal) {
            // the amount decides whether a second person must look; it comes from upstream, not the caller
            ReviewCase c = queue.get(caseId);
            if (rules.fourEyes().needsSecondPerson(action, c.amount())) {
                return fileForSecondPerson(c, request);
            }
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("action", action.value());
        return new DecisionResult.Queued(enqueue(caseId, "case.decided", request, newKey(), details));
    }

    private DecisionResult fileForSecondPerson(ReviewCase c, DecisionRequest request) {
        String summary = "Reverse the automated decline of " + c.id() + " (" + c.amount() + ")";
        PendingApproval approval = queue.requestApproval(new ApprovalRequest("decision", c.id(), summary,
                DecisionPayload.write(request), request.analyst()));
        audit.append("case.reversal.requested", "case/" + c.id(), Map.of("approval", approval.id(),
                "amount", c.amount().toString(), "maker", request.analyst()), request.reason());
        return new DecisionResult.AwaitingSecondPerson(approval);
    }

    /** Four-eyes requests waiting for a checker, newest first. */
    public List<PendingApproval> pendingApprovals() {
        session.require(Permission.VIEW_CASES);
        return queue.approvals(ApprovalStatus.PENDING);
    }

    /**
     * The one place a four-eyes request is approved. The checker is the signed-in operator, who
     * must not be the maker whatever roles they hold; the decision then joins the outbox with both
     * identities on its audit entry.
     */
    public DecisionResult approve(String approvalId, String reason) {
        session.require(Permission.APPROVE_FOUR_EYES);
        Operator checker = session.operator();
        PendingApproval approval = queue.approval(approvalId);
        refuseSelfCheck(approval, checker);
        session.requireFreshProof(CHECKER_PROOF_MAX_AGE);
        DecisionRequest request = decisionIn(approval);
        String key = "approval-" + approval.id() + "-" + approval.created().toEpochMilli();
        if (approval.status().equals(ApprovalStatus.APPROVED) && sameOperator(approval.checker(), checker.id())) {
            // approved upstream on an earlier try whose local write did not happen: finish it, once
            Optional<OutboxEntry> done = outbox.find(key);
            if (done.isPresent()) {
                return new DecisionResult.Queued(done.get());
            }
        } else if (!approval.status().equals(ApprovalStatus.PENDING)) {
            throw new DecisionRefusedException("Request " + approvalId + " is already " + approval.status()
                    + (approval.checker() == null ? "" : " by " + approval.checker()) + ".");
        } else {
            queue.approve(approvalId, checker.id(), reason);
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("action", request.action().value());
        details.put("approval", approval.id());
        details.put("maker", approval.maker());
        details.put("checker", checker.id());
        details.put("checkerName", checker.displayName());
        return new DecisionResult.Queued(enqueue(approval.caseId(), "case.decided.four-eyes", request, key, details));
    }

    /** Rejects a four-eyes request; the same maker-is-not-checker rule applies. */
    public PendingApproval reject(String approvalId, String reason) {
        session.require(Permission.APPROVE_FOUR_EYES);
        Operator checker = session.operator();
        PendingApproval approval = queue.approval(approvalId);
        refuseSelfCheck(approval, checker);
        session.requireFreshProof(CHECKER_PROOF_MAX_AGE);
        if (reason == null || reason.isBlank()) {
            throw new DecisionRefusedException("Rejecting a four-eyes request needs a reason the maker can act on.");
        }
        PendingApproval rejected = queue.reject(approvalId, checker.id(), reason);
        audit.append("case.reversal.rejected", "case/" + approval.caseId(), Map.of("approval", approvalId,
                "maker", approval.maker(), "checker", checker.id(), "checkerName", checker.displayName()));
        return rejected;
    }

    private void refuseSelfCheck(PendingApproval approval, Operator checker) {
        if (sameOperator(approval.maker(), checker.id())) {
            // a refused self-approval is worth a trace: it is either a slip or an attempt
            audit.append("approval.self-check.refused", "approval/" + approval.id(),
                    Map.of("maker", approval.maker(), "checker", checker.id()));
            throw new FourEyesViolationException(checker.id(), approval.id());
        }
    }

    private static DecisionRequest decisionIn(PendingApproval approval) {
        if (!"decision".equals(approval.kind()) || approval.caseId() == null) {
            throw new DecisionRefusedException("Request " + approval.id() + " is a '" + approval.kind()
                    + "' request, not a case decision; approve it where that kind is handled.");
        }
        DecisionRequest filed;
        try {
            filed = DecisionPayload.read(approval.payloadJson());
        } catch (IllegalArgumentException e) {
            throw new DecisionRefusedException("Request " + approval.id() + " does not carry a readable decision ("
                    + e.getMessage() + "); reject it and ask the maker to file it again.");
        }
        // the decision is the maker's, whatever the payload claims
        return new DecisionRequest(filed.action(), filed.reason(), approval.maker(), filed.allowlist(),
                filed.notification());
    }

    /**
     * Undoes this operator's latest decision on a case, within the undo window. The undo is a
     * decision of its own: audited, and delivered through the outbox.
     */
    public DecisionResult undo(String caseId, String reason) {
        session.require(Permission.DECIDE_CASES);
        Operator operator = session.operator();
        OutboxEntry last = outbox.forCase(caseId).stream().findFirst().orElseThrow(() ->
                new DecisionRefusedException("This console has no decision on " + caseId + " to undo."));
        if (DecisionAction.UNDO.value().equals(last.action())) {
            throw new DecisionRefusedException("The latest decision on " + caseId + " is already an undo.");
        }
        if (last.state() == DeliveryState.CONFLICT || last.state() == DeliveryState.FAILED) {
            throw new DecisionRefusedException("The latest decision on " + caseId + " never took effect upstream ("
                    + last.state().name().toLowerCase(Locale.ROOT) + "); there is nothing to undo.");
        }
        String analyst = DecisionPayload.read(last.payloadJson()).analyst();
        if (!sameOperator(analyst, operator.id())) {
            throw new DecisionRefusedException("The latest decision on " + caseId + " is " + analyst
                    + "'s; only they can undo it.");
        }
        Duration age = Duration.between(last.createdAt(), clock.instant());
        if (age.compareTo(rules.undoWindow()) > 0) {
            throw new DecisionRefusedException("Too late to undo: decisions can be undone for "
                    + rules.undoWindow().toMinutes() + " minutes. Use reverse_decline to change a decline.");
        }
        String text = reason == null || reason.isBlank() ? NO_REASON : reason.strip();
        DecisionRequest request = new DecisionRequest(DecisionAction.UNDO, text, operator.id(), List.of(), null);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("action", DecisionAction.UNDO.value());
        details.put("undoes", last.idempotencyKey());
        return new DecisionResult.Queued(enqueue(caseId, "case.undone", request, newKey(), details));
    }

    /** Claims a case for the signed-in operator; someone else's live claim is a {@link CaseClaimedException}. */
    public CaseClaim claim(String caseId, Duration ttl) {
        session.require(Permission.DECIDE_CASES);
        CaseClaim claim = queue.claim(caseId, session.operator().id(), ttl);
        // the desk renews an open case's lease every minute or so: the log records taking it, not each renewal.
        // The lapse is judged on this console's clock with the TTL asked for, not the upstream's expiry
        // time, which a skewed upstream clock would make meaningless here.
        java.time.Instant now = clock.instant();
        java.time.Instant before = heldClaims.put(caseId, now.plus(ttl));
        if (before == null || !before.isAfter(now)) {
            audit.append("case.claimed", "case/" + caseId, Map.of("expiresAt", claim.expiresAt().toString()));
        }
        return claim;
    }

    /**
     * Assigns a case to another analyst: a lead takes the lease in their name, so the case shows
     * under their "my cases". Someone else's live claim is a {@link CaseClaimedException}, as for a claim.
     */
    public CaseClaim assign(String caseId, String analyst, Duration ttl) {
        session.require(Permission.APPROVE_FOUR_EYES);
        if (analyst == null || analyst.isBlank()) {
            throw new DecisionRefusedException("Name the analyst to assign " + caseId + " to.");
        }
        CaseClaim claim = queue.claim(caseId, analyst.strip(), ttl);
        audit.append("case.assigned", "case/" + caseId, Map.of("assignee", claim.holder(),
                "expiresAt", claim.expiresAt().toString()));
        return claim;
    }

    /** The signed-in operator's id, the name their claims and decisions carry upstream. */
    public String operatorId() {
        return session.operator().id();
    }

    /** Whether the signed-in operator may run bulk decisions; the desk asks again when one starts. */
    public boolean mayDecideInBulk() {
        return session.operator().may(Permission.BULK_DECIDE) && session.operator().may(Permission.DECIDE_CASES);
    }

    /**
     * Opens a bulk decision over {@code count} cases: checks the permission and records the intent.
     * Each case is then decided through {@link #decide} like any other, with its own audit entry.
     */
    public void startBulk(DecisionAction action, int count) {
        session.require(Permission.BULK_DECIDE);
        session.require(Permission.DECIDE_CASES);
        if (!DecisionAction.decidable().contains(action) || DecisionAction.REVERSE_DECLINE.equals(action)) {
            throw new DecisionRefusedException("Bulk decisions can approve, decline, hold or escalate; reversals"
                    + " need a reason per case and go one by one.");
        }
        audit.append("cases.bulk.started", "queue", Map.of("action", action.value(), "count", Integer.toString(count)));
    }

    /** Records how a bulk decision ended: decided, failed and skipped counts, and whether it was cancelled. */
    public void finishBulk(DecisionAction action, int done, int failed, int skipped, boolean cancelled) {
        session.require(Permission.BULK_DECIDE);
        audit.append("cases.bulk.finished", "queue", Map.of("action", action.value(), "done", Integer.toString(done),
                "failed", Integer.toString(failed), "skipped", Integer.toString(skipped),
                "cancelled", Boolean.toString(cancelled)));
    }

    /** The case's full history in this console's audit chain, newest first. */
    public List<io.gatehouse.data.audit.AuditEntry> history(String caseId) {
        session.require(Permission.VIEW_CASES);
        return audit.forSubject("case/" + caseId, HISTORY_LIMIT);
    }

    public void release(CaseClaim claim) {
        session.require(Permission.DECIDE_CASES);
        queue.release(claim.caseId(), claim.etag());
        heldClaims.remove(claim.caseId());
        audit.append("case.released", "case/" + claim.caseId(), Map.of());
    }

    public List<CaseNote> notes(String caseId) {
        session.require(Permission.VIEW_CASES);
        return queue.notes(caseId);
    }

    /** Adds a note; its text is kept in the erasable part of the audit, as notes often name people. */
    public CaseNote addNote(String caseId, String body) {
        session.require(Permission.DECIDE_CASES);
        if (body == null || body.isBlank() || body.length() > MAX_REASON) {
            throw new DecisionRefusedException("A note needs 1 to " + MAX_REASON + " characters.");
        }
        CaseNote note = queue.addNote(caseId, session.operator().id(), body.strip());
        audit.append("case.note.added", "case/" + caseId, Map.of("note", note.id()), note.body());
        return note;
    }

    private OutboxEntry enqueue(String caseId, String auditAction, DecisionRequest request, String key,
            Map<String, String> details) {
        details.put("idempotencyKey", key);
        String payload = DecisionPayload.write(request);
        // the reason is free text that may name a customer: it goes to the erasable personal-data table
        store.write(c -> {
            audit.appendIn(c, auditAction, "case/" + caseId, details, request.reason());
            return outbox.enqueueIn(c, key, caseId, request.action().value(), payload);
        });
        sender.kick();
        return outbox.find(key).orElseThrow();
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private static boolean sameOperator(String a, String b) {
        return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
    }
}
