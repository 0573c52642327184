package io.gatehouse.data.review;

import java.time.Duration;
import java.util.List;

/**
 * The fraud queue upstream: cases, decisions, claims, notes and four-eyes approvals. Calls do
 * I/O and block; run them off the FX thread. Failures are {@link io.gatehouse.data.GatehouseException}s,
 * with {@link FraudQueueException} and its subtypes for refusals the upstream explains.
 */
public interface FraudQueue {
    /** A page of cases, newest first; {@code cursor} is null for the first page. */
    CasePage list(CaseFilter filter, String cursor);

    /** One case with all its evidence. */
    ReviewCase get(String caseId);

    /**
     * Sends a decision. The same key with the same request has effect once; a different decision
     * on a decided case is a {@link CaseAlreadyDecidedException}.
     */
    CaseDecision decide(String caseId, DecisionRequest request, String idempotencyKey);

    /** Takes or renews a lease; a live lease held by someone else is a {@link CaseClaimedException}. */
    CaseClaim claim(String caseId, String analyst, Duration ttl);

    /** Gives a lease back; {@code etag} must be the lease's current one. */
    void release(String caseId, String etag);

    /** The notes on a case, oldest first. */
    List<CaseNote> notes(String caseId);

    CaseNote addNote(String caseId, String author, String body);

    /** Approvals, newest first; {@code status} null lists all. */
    List<PendingApproval> approvals(ApprovalStatus status);

    PendingApproval approval(String approvalId);

    PendingApproval requestApproval(ApprovalRequest request);

    PendingApproval approve(String approvalId, String checker, String reason);

    PendingApproval reject(String approvalId, String checker, String reason);
}
