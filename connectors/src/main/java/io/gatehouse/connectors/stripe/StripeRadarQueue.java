package io.gatehouse.connectors.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.http.UpstreamResponse;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.review.ApprovalRequest;
import io.gatehouse.data.review.ApprovalStatus;
import io.gatehouse.data.review.CaseAlreadyDecidedException;
import io.gatehouse.data.review.CaseClaim;
import io.gatehouse.data.review.CaseDecision;
import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CaseNote;
import io.gatehouse.data.review.CasePage;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.DecisionRequest;
import io.gatehouse.data.review.DeliveryOutcome;
import io.gatehouse.data.review.FraudQueue;
import io.gatehouse.data.review.FraudQueueException;
import io.gatehouse.data.review.PendingApproval;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.data.time.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * The fraud queue over Stripe Radar: open reviews are the cases. Stripe filters only by creation
 * time, so the desk's other filters are applied to each page as it arrives. Radar keeps no
 * claims, notes or four-eyes approvals; asking for them is a clear refusal, and listing them
 * shows none.
 */
public final class StripeRadarQueue implements FraudQueue {
    private final StripeCalls calls;
    private final StripeActions actions;
    private final StripeKey key;
    private final InstantSource clock;

    public StripeRadarQueue(UpstreamClient upstream, StripeSettings settings, StripeKey key, InstantSource clock,
            Sleeper sleeper) {
        this.key = Objects.requireNonNull(key, "key");
        this.calls = new StripeCalls(upstream, settings, key);
        this.actions = new StripeActions(calls, settings, key.secretName(), sleeper);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CasePage list(CaseFilter filter, String cursor) {
        if (filter.status() != null && !CaseStatus.REVIEW.equals(filter.status())) {
            // Stripe lists open reviews only; closed ones are found one by one
            return new CasePage(List.of(), null);
        }
        CasePage page = openReviews(null, null, filter.limit(), cursor);
        List<ReviewCase> kept = page.cases().stream().filter(c -> matches(filter, c)).toList();
        return new CasePage(kept, page.nextCursor());
    }

    /**
     * One page of open reviews, newest first, created in {@code [from, before)} where given;
     * {@code startingAfter} is the last review id of the previous page, or null.
     */
    public CasePage openReviews(Instant from, Instant before, int limit, String startingAfter) {
        HttpUrl.Builder url = calls.url("reviews")
                .addQueryParameter("limit", Integer.toString(Math.min(Math.max(limit, 1), StripeLimits.MAX_PAGE)));
        if (startingAfter != null) {
            url.addQueryParameter("starting_after", startingAfter);
        }
        if (from != null) {
            url.addQueryParameter("created[gte]", Long.toString(from.getEpochSecond()));
        }
        if (before != null) {
            url.addQueryParameter("created[lt]", Long.toString(before.getEpochSecond()));
        }
        // four levels, Stripe's deepest expansion: the rule's predicate is the evidence an analyst reads
        url.addQueryParameter("expand[]", "data.charge").addQueryParameter("expand[]", "data.charge.outcome.rule")
                .addQueryParameter("expand[]", "data.payment_intent");
        UpstreamResponse response = calls.get(url.build(), StripeLimits.REVIEW_PAGE);
        JsonNode body = StripeJson.objectOf(response, "list", key.secretName());
        StripeJson json = StripeJson.at(response);
        boolean more = json.bool(body, "has_more");
        json.text(body, "url");
        ReviewReader reader = new ReviewReader(json);
        List<ReviewCase> cases = new ArrayList<>();
        for (JsonNode element : json.array(body, "data")) {
            cases.add(reader.review(element).asCase());
        }
        if (more && cases.isEmpty()) {
            throw json.malformed("said there are more reviews but sent none to continue after");
        }
        return new CasePage(cases, more ? cases.getLast().id() : null);
    }

    @Override
    public ReviewCase get(String caseId) {
        return actions.fetch(caseId).asCase();
    }

    /**
     * Carries the decision out at once (the outbox normally does this through
     * {@link StripeDecisionDelivery}). A review Stripe closed otherwise is a
     * {@link CaseAlreadyDecidedException}; a review still open after the read-backs is returned
     * as decided, since Stripe accepted it.
     */
    @Override
    public CaseDecision decide(String caseId, DecisionRequest request, String idempotencyKey) {
        DeliveryOutcome outcome = actions.apply(caseId, request, idempotencyKey);
        return switch (outcome) {
            case DeliveryOutcome.Confirmed ok -> decision(caseId, request, idempotencyKey);
            case DeliveryOutcome.Accepted ok -> decision(caseId, request, idempotencyKey);
            case DeliveryOutcome.Conflict conflict -> throw new CaseAlreadyDecidedException("review-closed",
                    conflict.message(), null);
            case DeliveryOutcome.Failed failed -> throw new FraudQueueException(FailureKind.UPSTREAM, "refused", 0,
                    failed.reason());
            case DeliveryOutcome.Retry retry -> throw new FraudQueueException(FailureKind.UPSTREAM, "retry", 0,
                    retry.reason());
        };
    }

    private CaseDecision decision(String caseId, DecisionRequest request, String key) {
        return new CaseDecision(key, caseId, request.action(), request.reason(), request.analyst(), clock.instant(),
                request.allowlist(), request.notification(), null);
    }

    @Override
    public CaseClaim claim(String caseId, String analyst, Duration ttl) {
        throw unsupported("claims");
    }

    @Override
    public void release(String caseId, String etag) {
        throw unsupported("claims");
    }

    /** Radar reviews carry no notes: there are none to show. */
    @Override
    public List<CaseNote> notes(String caseId) {
        return List.of();
    }

    @Override
    public CaseNote addNote(String caseId, String author, String body) {
        throw unsupported("notes");
    }

    /** Radar has no four-eyes approvals: none are waiting. */
    @Override
    public List<PendingApproval> approvals(ApprovalStatus status) {
        return List.of();
    }

    @Override
    public PendingApproval approval(String approvalId) {
        throw unsupported("four-eyes approvals");
    }

    @Override
    public PendingApproval requestApproval(ApprovalRequest request) {
        throw unsupported("four-eyes approvals");
    }

    @Override
    public PendingApproval approve(String approvalId, String checker, String reason) {
        throw unsupported("four-eyes approvals");
    }

    @Override
    public PendingApproval reject(String approvalId, String checker, String reason) {
        throw unsupported("four-eyes approvals");
    }

    private static FraudQueueException unsupported(String what) {
        return new FraudQueueException(FailureKind.CONFIGURATION, "unsupported", 0, "Stripe Radar keeps no shared "
                + what + ". Use a Case API backend (review.source: caseApi) for team features such as " + what + ".");
    }

    private static boolean matches(CaseFilter f, ReviewCase c) {
        return (f.region() == null || f.region().equals(c.region()))
                && (f.rail() == null || f.rail().equals(c.rail()))
                && (f.currency() == null || f.currency().equals(c.amount().currency()))
                && (f.riskLevel() == null || f.riskLevel().equals(c.risk().level()))
                && (f.minRisk() == null || c.risk().score() >= f.minRisk())
                && (f.maxRisk() == null || c.risk().score() <= f.maxRisk())
                && (f.minAmount() == null || c.amount().minor() >= f.minAmount())
                && (f.maxAmount() == null || c.amount().minor() <= f.maxAmount())
                && (f.rule() == null || c.risk().rules().contains(f.rule()))
                && (f.assignee() == null || f.assignee().equals(c.assignee()));
    }

    @Override
    public String toString() {
        return "StripeRadarQueue[" + key + "]";
    }
}
