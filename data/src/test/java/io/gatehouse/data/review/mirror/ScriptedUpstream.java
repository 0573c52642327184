package io.gatehouse.data.review.mirror;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.review.ApprovalRequest;
import io.gatehouse.data.review.ApprovalStatus;
import io.gatehouse.data.review.CaseClaim;
import io.gatehouse.data.review.CaseDecision;
import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CaseNote;
import io.gatehouse.data.review.CasePage;
import io.gatehouse.data.review.DecisionRequest;
import io.gatehouse.data.review.FraudQueue;
import io.gatehouse.data.review.FraudQueueException;
import io.gatehouse.data.review.PendingApproval;
import io.gatehouse.data.review.ReviewCase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An upstream held in memory for the sync's own rules (cursor, expiry, replays); the happy path
 * runs against the real sandbox in the connectors module. Only the reads the sync makes are served.
 */
final class ScriptedUpstream implements FraudQueue, CaseEventFeed {
    final Map<String, ReviewCase> cases = new LinkedHashMap<>();
    final List<CaseEvent> events = new ArrayList<>();
    long oldestKept = 1;
    int gets;
    int lists;
    /** Each event page is sent twice in a row when set, as a flapping upstream might. */
    boolean repeatPages;
    private CaseEventPage lastPage;
    /** Counts event reads; the read numbered {@code failingRead} fails as a broken upstream would. */
    int eventReads;
    int failingRead = -1;
    /** Runs before the event read numbered {@code changeAtRead}, as if the upstream changed meanwhile. */
    int changeAtRead = -1;
    Runnable change = () -> { };

    void put(ReviewCase c, String type) {
        cases.put(c.id(), c);
        long seq = events.size() + 1;
        events.add(new CaseEvent("evt_" + seq, seq, type, c.id(), c.status(), Instant.EPOCH.plusSeconds(seq)));
    }

    void remove(String caseId) {
        ReviewCase gone = cases.remove(caseId);
        long seq = events.size() + 1;
        events.add(new CaseEvent("evt_" + seq, seq, "case.updated", caseId, gone.status(), Instant.EPOCH));
    }

    @Override
    public synchronized CaseEventPage events(long cursor, int limit) {
        eventReads++;
        if (eventReads == failingRead) {
            throw new FraudQueueException(FailureKind.UPSTREAM, "unavailable", 503, "the upstream is down");
        }
        if (eventReads == changeAtRead) {
            change.run();
        }
        if (repeatPages && lastPage != null) {
            CaseEventPage again = lastPage;
            lastPage = null;
            return again;
        }
        if (cursor > 0 && cursor < oldestKept - 1) {
            throw new CursorExpiredException("events before " + oldestKept + " have aged out");
        }
        List<CaseEvent> page = events.stream().filter(e -> e.sequence() > cursor && e.sequence() >= oldestKept)
                .limit(limit + 1L).toList();
        boolean more = page.size() > limit;
        List<CaseEvent> shown = more ? page.subList(0, limit) : page;
        CaseEventPage out = new CaseEventPage(shown, more, shown.isEmpty() ? cursor : shown.getLast().sequence());
        lastPage = repeatPages ? out : null;
        return out;
    }

    @Override
    public synchronized CasePage list(CaseFilter filter, String cursor) {
        lists++;
        List<ReviewCase> all = new ArrayList<>(cases.values());
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(all.size(), from + filter.limit());
        return new CasePage(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
    }

    @Override
    public synchronized ReviewCase get(String caseId) {
        gets++;
        ReviewCase c = cases.get(caseId);
        if (c == null) {
            throw new FraudQueueException(FailureKind.UPSTREAM, "not-found", 404, "no case " + caseId);
        }
        return c;
    }

    @Override
    public CaseDecision decide(String caseId, DecisionRequest request, String idempotencyKey) {
        throw new UnsupportedOperationException("the sync never decides");
    }

    @Override
    public CaseClaim claim(String caseId, String analyst, Duration ttl) {
        throw new UnsupportedOperationException("the sync never claims");
    }

    @Override
    public void release(String caseId, String etag) {
        throw new UnsupportedOperationException("the sync never releases");
    }

    @Override
    public List<CaseNote> notes(String caseId) {
        throw new UnsupportedOperationException("the sync reads no notes");
    }

    @Override
    public CaseNote addNote(String caseId, String author, String body) {
        throw new UnsupportedOperationException("the sync writes no notes");
    }

    @Override
    public List<PendingApproval> approvals(ApprovalStatus status) {
        throw new UnsupportedOperationException("the sync reads no approvals");
    }

    @Override
    public PendingApproval approval(String approvalId) {
        throw new UnsupportedOperationException("the sync reads no approvals");
    }

    @Override
    public PendingApproval requestApproval(ApprovalRequest request) {
        throw new UnsupportedOperationException("the sync files no approvals");
    }

    @Override
    public PendingApproval approve(String approvalId, String checker, String reason) {
        throw new UnsupportedOperationException("the sync approves nothing");
    }

    @Override
    public PendingApproval reject(String approvalId, String checker, String reason) {
        throw new UnsupportedOperationException("the sync rejects nothing");
    }
}
