package io.gatehouse.views.testing;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.audit.AuditEntry;
import io.gatehouse.data.review.ApprovalStatus;
import io.gatehouse.data.review.CaseClaim;
import io.gatehouse.data.review.CaseClaimedException;
import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CaseNote;
import io.gatehouse.data.review.FourEyesViolationException;
import io.gatehouse.data.review.PendingApproval;
import io.gatehouse.data.review.CasePage;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.DecisionRefusedException;
import io.gatehouse.data.review.DecisionResult;
import io.gatehouse.data.review.DeliveryState;
import io.gatehouse.data.review.Money;
import io.gatehouse.data.review.OutboxEntry;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.views.review.ReviewDeskPort;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A desk over a few cases in memory; it records every decision and pages by a numeric cursor. */
public final class InMemoryReviewDesk implements ReviewDeskPort {
    /** A decision as the desk received it. */
    public record Decision(String caseId, DecisionAction action, String reason) {
    }

    public final List<ReviewCase> cases = new ArrayList<>();
    public final List<Decision> decisions = new CopyOnWriteArrayList<>();
    public final List<String> cursors = new CopyOnWriteArrayList<>();
    private final Map<String, DeliveryState> delivered = new HashMap<>();
    /** When set, every decision fails with it. */
    public volatile RuntimeException failDecisions;
    /** Runs before each decision, so a test can act in the middle of a bulk run. */
    public volatile Runnable beforeDecide = () -> { };
    /** The signed-in operator, and whether they hold the bulk permission. */
    public volatile String operator = "dana";
    public volatile boolean bulkAllowed = true;
    /** What the checker proves presence with; the passphrase unless a test signs in by smartcard. */
    public volatile io.gatehouse.views.session.SecretRequest.SecretKind checkerProof =
            io.gatehouse.views.session.SecretRequest.SecretKind.PASSPHRASE;
    /** The passphrase that proves presence. */
    public static final char[] PASSPHRASE = "correct horse".toCharArray();
    /** Reversals above this many minor units wait for a second person. */
    public volatile long fourEyesAbove = Long.MAX_VALUE;
    public volatile InstantSource clock = InstantSource.fixed(TestConsole.NOW);
    public final Map<String, CaseClaim> claims = new HashMap<>();
    public final List<String> released = new CopyOnWriteArrayList<>();
    public final Map<String, List<CaseNote>> notes = new HashMap<>();
    public final List<PendingApproval> approvals = new CopyOnWriteArrayList<>();
    public final List<String> bulkLog = new CopyOnWriteArrayList<>();
    private int sequence;

    /** Five cases in review, one automated decline and one decided case, newest first. */
    public static InMemoryReviewDesk sample() {
        InMemoryReviewDesk desk = new InMemoryReviewDesk();
        Instant now = TestConsole.NOW;
        desk.cases.add(sampleCase("case_1007", CaseStatus.REVIEW, now.minus(Duration.ofMinutes(12)), new Money(184_950, "EUR"),
                91, "highest", List.of("ip_country_mismatch", "velocity_card"), "DE", "NL", "DE", "GB"));
        desk.cases.add(sampleCase("case_1006", CaseStatus.REVIEW, now.minus(Duration.ofMinutes(47)), new Money(12_000, "JPY"),
                64, "elevated", List.of("new_device"), "JP", "JP", "JP", "JP"));
        desk.cases.add(sampleCase("case_1005", CaseStatus.REVIEW, now.minus(Duration.ofHours(3)), new Money(1_250_500, "KWD"),
                72, "elevated", List.of("high_amount"), "KW", "AE", "KW", "KW"));
        desk.cases.add(sampleCase("case_1004", CaseStatus.REVIEW, now.minus(Duration.ofHours(9)), new Money(4_999, "USD"),
                18, "normal", List.of(), "US", "US", "US", "US"));
        desk.cases.add(sampleCase("case_1003", CaseStatus.REVIEW, now.minus(Duration.ofDays(2)), new Money(39_900, "GBP"),
                55, "elevated", List.of("avs_mismatch"), "GB", "GB", "FR", "GB"));
        desk.cases.add(sampleCase("case_1002", CaseStatus.AUTO_DECLINED, now.minus(Duration.ofDays(3)), new Money(89_000, "EUR"),
                97, "highest", List.of("card_testing"), "RU", "DE", "DE", "DE"));
        desk.cases.add(sampleCase("case_1001", CaseStatus.DECIDED, now.minus(Duration.ofDays(4)), new Money(2_500, "EUR"),
                10, "normal", List.of(), "AT", "AT", "AT", "AT"));
        return desk;
    }

    public static ReviewCase sampleCase(String id, CaseStatus status, Instant created, Money amount, int score, String level,
            List<String> rules, String ipCountry, String billing, String shipping, String cardCountry) {
        return new ReviewCase(id, status, created, created, "order_" + id.substring(id.indexOf('_') + 1),
                new ReviewCase.Merchant("m_1", "Example Shop"), "EU", "card", amount,
                new ReviewCase.Risk(score, level, rules),
                new ReviewCase.PaymentChecks("pass", "fail", "pass", "authenticated"),
                new ReviewCase.Card("fp_1", "424242", "visa", "4242", cardCountry),
                new ReviewCase.Geo("203.0.113.7", ipCountry, billing, shipping),
                new ReviewCase.Device("dev_1", created.minus(Duration.ofDays(30)), "Firefox 140 on Linux"),
                new ReviewCase.Session("sess_1", "tok_1", 420),
                new ReviewCase.Velocity(2, 1, 3, 4),
                new ReviewCase.Customer("cus_1", "buyer@example.com", 400, 12, 1, 0),
                List.of(), false, false, null, null, List.of(), 0, List.of());
    }

    @Override
    public CasePage list(CaseFilter filter, String cursor) {
        cursors.add(cursor == null ? "" : cursor);
        List<ReviewCase> matching;
        synchronized (this) {
            matching = cases.stream()
                    .filter(c -> filter.status() == null || filter.status().equals(c.status()))
                    .filter(c -> filter.region() == null || filter.region().equals(c.region()))
                    .filter(c -> filter.currency() == null || filter.currency().equals(c.amount().currency()))
                    .filter(c -> filter.minRisk() == null || c.risk().score() >= filter.minRisk())
                    .filter(c -> filter.minAmount() == null || c.amount().minor() >= filter.minAmount())
                    .filter(c -> filter.maxAmount() == null || c.amount().minor() <= filter.maxAmount())
                    .filter(c -> filter.rule() == null || c.risk().rules().contains(filter.rule()))
                    .filter(c -> filter.assignee() == null || live(c.id()) != null && live(c.id()).holder().equals(filter.assignee()))
                    .map(this::withAssignee)
                    .toList();
        }
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(matching.size(), from + filter.limit());
        return new CasePage(matching.subList(from, to), to < matching.size() ? Integer.toString(to) : null);
    }

    @Override
    public synchronized Optional<DeliveryState> latestDelivery(String caseId) {
        return Optional.ofNullable(delivered.get(caseId));
    }

    @Override
    public synchronized DecisionResult decide(String caseId, DecisionAction action, String reason) {
        if (failDecisions != null) {
            throw failDecisions;
        }
        if (DecisionAction.REVERSE_DECLINE.equals(action) && (reason == null || reason.isBlank())) {
            throw new DecisionRefusedException("Reversing an automated decline needs a reason.");
        }
        beforeDecide.run();
        CaseClaim held = live(caseId);
        if (held != null && !held.holder().equals(operator)) {
            throw new CaseClaimedException(caseId, held.holder(), held.expiresAt());
        }
        ReviewCase c = cases.stream().filter(k -> k.id().equals(caseId)).findFirst().orElseThrow();
        if (DecisionAction.REVERSE_DECLINE.equals(action) && c.amount().minor() > fourEyesAbove) {
            PendingApproval approval = new PendingApproval("apr_" + (++sequence), "decision", caseId,
                    "Reverse the automated decline of " + caseId, "{}", operator, clock.instant(), ApprovalStatus.PENDING,
                    null, null, null);
            approvals.addFirst(approval);
            return new DecisionResult.AwaitingSecondPerson(approval);
        }
        decisions.add(new Decision(caseId, action, reason));
        delivered.put(caseId, DeliveryState.PENDING);
        Instant now = TestConsole.NOW;
        return new DecisionResult.Queued(new OutboxEntry(decisions.size(), "key-" + decisions.size(), caseId,
                action.value(), "{}", DeliveryState.PENDING, 0, now, now, now, null, null));
    }

    /** Marks a case as if an earlier decision of this console had been delivered. */
    public synchronized void delivered(String caseId, DeliveryState state) {
        delivered.put(caseId, state);
    }

    private CaseClaim live(String caseId) {
        CaseClaim claim = claims.get(caseId);
        return claim != null && claim.expiresAt().isAfter(clock.instant()) ? claim : null;
    }

    private ReviewCase withAssignee(ReviewCase c) {
        CaseClaim claim = live(c.id());
        String holder = claim == null ? null : claim.holder();
        return java.util.Objects.equals(holder, c.assignee()) ? c : new ReviewCase(c.id(), c.status(), c.created(),
                c.updated(), c.orderId(), c.merchant(), c.region(), c.rail(), c.amount(), c.risk(), c.paymentChecks(),
                c.card(), c.geo(), c.device(), c.session(), c.velocity(), c.customer(), c.linkedOrders(), c.held(),
                c.escalated(), holder, c.decision(), c.decisions(), c.notesCount(), c.outcomes());
    }

    /** Adds a case as if it had just arrived upstream, newest first. */
    public synchronized void arrive(ReviewCase c) {
        cases.addFirst(c);
    }

    @Override
    public io.gatehouse.views.session.SecretRequest.SecretKind checkerProof() {
        return checkerProof;
    }

    @Override
    public String operatorId() {
        return operator;
    }

    @Override
    public Duration slaTarget() {
        return Duration.ofMinutes(30);
    }

    @Override
    public boolean mayDecideInBulk() {
        return bulkAllowed;
    }

    @Override
    public synchronized CaseClaim claim(String caseId, Duration ttl) {
        return claimFor(caseId, operator, ttl);
    }

    private CaseClaim claimFor(String caseId, String analyst, Duration ttl) {
        CaseClaim held = live(caseId);
        if (held != null && !held.holder().equals(analyst)) {
            throw new CaseClaimedException(caseId, held.holder(), held.expiresAt());
        }
        Instant now = clock.instant();
        CaseClaim claim = new CaseClaim(caseId, analyst, "etag-" + (++sequence), now, now.plus(ttl));
        claims.put(caseId, claim);
        return claim;
    }

    @Override
    public synchronized void release(CaseClaim claim) {
        CaseClaim held = claims.get(claim.caseId());
        if (held != null && held.etag().equals(claim.etag())) {
            claims.remove(claim.caseId());
            released.add(claim.caseId());
        }
    }

    @Override
    public synchronized CaseClaim assign(String caseId, String analyst, Duration ttl) {
        return claimFor(caseId, analyst, ttl);
    }

    @Override
    public synchronized List<CaseNote> notes(String caseId) {
        return List.copyOf(notes.getOrDefault(caseId, List.of()));
    }

    @Override
    public synchronized CaseNote addNote(String caseId, String body) {
        CaseNote note = new CaseNote("note_" + (++sequence), caseId, operator, body, clock.instant());
        notes.computeIfAbsent(caseId, k -> new ArrayList<>()).add(note);
        return note;
    }

    @Override
    public synchronized List<AuditEntry> history(String caseId) {
        List<AuditEntry> entries = new ArrayList<>();
        long seq = 1;
        for (CaseNote note : notes.getOrDefault(caseId, List.of())) {
            entries.addFirst(new AuditEntry(seq++, note.created(), note.author(), java.util.Set.of(), "case.note.added",
                    "case/" + caseId, new TreeMap<>(Map.of("note", note.id())), null, "0".repeat(64), "1".repeat(64)));
        }
        for (Decision d : decisions) {
            if (d.caseId().equals(caseId)) {
                entries.addFirst(new AuditEntry(seq++, clock.instant(), operator, java.util.Set.of(), "case.decided",
                        "case/" + caseId, new TreeMap<>(Map.of("action", d.action().value())), null, "0".repeat(64),
                        "1".repeat(64)));
            }
        }
        return entries;
    }

    @Override
    public List<PendingApproval> pendingApprovals() {
        return approvals.stream().filter(a -> a.status().equals(ApprovalStatus.PENDING)).toList();
    }

    @Override
    public synchronized DecisionResult approve(String approvalId, String reason, char[] passphrase) {
        PendingApproval approval = checked(approvalId, passphrase);
        approvals.remove(approval);
        decisions.add(new Decision(approval.caseId(), DecisionAction.REVERSE_DECLINE, reason));
        Instant now = clock.instant();
        return new DecisionResult.Queued(new OutboxEntry(decisions.size(), "approval-" + approvalId, approval.caseId(),
                "reverse_decline", "{}", DeliveryState.PENDING, 0, now, now, now, null, null));
    }

    @Override
    public synchronized PendingApproval reject(String approvalId, String reason, char[] passphrase) {
        PendingApproval approval = checked(approvalId, passphrase);
        approvals.remove(approval);
        return new PendingApproval(approval.id(), approval.kind(), approval.caseId(), approval.summary(),
                approval.payloadJson(), approval.maker(), approval.created(), ApprovalStatus.REJECTED, operator, reason,
                clock.instant());
    }

    private PendingApproval checked(String approvalId, char[] passphrase) {
        try {
            if (!Arrays.equals(passphrase, PASSPHRASE)) {
                throw new GatehouseException(FailureKind.PERMISSION, "The passphrase is not right. Check Caps Lock and try again.");
            }
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        PendingApproval approval = approvals.stream().filter(a -> a.id().equals(approvalId)).findFirst().orElseThrow();
        if (approval.maker().equals(operator)) {
            throw new FourEyesViolationException(operator, approvalId);
        }
        return approval;
    }

    @Override
    public void startBulk(DecisionAction action, int count) {
        bulkLog.add("start " + action.value() + " " + count);
    }

    @Override
    public void finishBulk(DecisionAction action, int done, int failed, int skipped, boolean cancelled) {
        bulkLog.add("finish " + done + "/" + failed + "/" + skipped + (cancelled ? " cancelled" : ""));
    }
}
