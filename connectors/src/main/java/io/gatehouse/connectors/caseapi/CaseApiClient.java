package io.gatehouse.connectors.caseapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.http.UpstreamResponse;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.review.ApprovalRequest;
import io.gatehouse.data.review.ApprovalStatus;
import io.gatehouse.data.review.CaseAlreadyDecidedException;
import io.gatehouse.data.review.CaseClaim;
import io.gatehouse.data.review.CaseClaimedException;
import io.gatehouse.data.review.CaseDecision;
import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CaseNote;
import io.gatehouse.data.review.CasePage;
import io.gatehouse.data.review.DecisionPayload;
import io.gatehouse.data.review.DecisionRequest;
import io.gatehouse.data.review.FraudQueue;
import io.gatehouse.data.review.FraudQueueException;
import io.gatehouse.data.review.PendingApproval;
import io.gatehouse.data.review.ReviewCase;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import okhttp3.HttpUrl;

/** The fraud queue over the Case API contract ({@code docs/case-api.yaml}), served by a merchant backend or the sandbox. */
public final class CaseApiClient implements FraudQueue {
    private final CaseApiCalls calls;

    public CaseApiClient(UpstreamClient upstream, URI baseUrl, ApiKey key) {
        this.calls = new CaseApiCalls(upstream, baseUrl, key);
    }

    @Override
    public CasePage list(CaseFilter filter, String cursor) {
        HttpUrl.Builder url = calls.url("v1", "cases");
        param(url, "status", filter.status() == null ? null : filter.status().value());
        param(url, "region", filter.region());
        param(url, "rail", filter.rail());
        param(url, "currency", filter.currency());
        param(url, "risk_level", filter.riskLevel());
        param(url, "min_risk", filter.minRisk());
        param(url, "max_risk", filter.maxRisk());
        param(url, "min_amount", filter.minAmount());
        param(url, "max_amount", filter.maxAmount());
        param(url, "rule", filter.rule());
        param(url, "assignee", filter.assignee());
        param(url, "limit", filter.limit());
        param(url, "cursor", cursor);
        UpstreamResponse response = calls.get(url.build(), BodyLimits.CASE_LIST);
        JsonNode body = ok(response, null);
        StrictJson json = StrictJson.at(response);
        CaseReader reader = new CaseReader(json);
        List<ReviewCase> cases = json.list(body, "data", reader::reviewCase);
        boolean more = json.bool(body, "has_more");
        String next = json.optionalText(body, "next_cursor");
        if (more && next == null) {
            throw json.malformed("said there are more cases but sent no 'next_cursor'");
        }
        return new CasePage(cases, more ? next : null);
    }

    @Override
    public ReviewCase get(String caseId) {
        UpstreamResponse response = calls.get(calls.url("v1", "cases", caseId).build(), BodyLimits.CASE);
        return new CaseReader(StrictJson.at(response)).reviewCase(ok(response, caseId));
    }

    @Override
    public CaseDecision decide(String caseId, DecisionRequest request, String idempotencyKey) {
        UpstreamResponse response = calls.post(calls.url("v1", "cases", caseId, "decisions").build(),
                DecisionPayload.write(request), BodyLimits.DECISION, idempotencyKey);
        return new CaseReader(StrictJson.at(response)).decision(ok(response, caseId));
    }

    @Override
    public CaseClaim claim(String caseId, String analyst, Duration ttl) {
        ObjectNode body = StrictJson.MAPPER.createObjectNode().put("analyst", analyst);
        if (ttl != null) {
            body.put("ttl_seconds", ttl.toSeconds());
        }
        UpstreamResponse response = calls.post(calls.url("v1", "cases", caseId, "claim").build(), body.toString(),
                BodyLimits.CLAIM, null);
        return new CaseReader(StrictJson.at(response)).claim(ok(response, caseId));
    }

    @Override
    public void release(String caseId, String etag) {
        UpstreamResponse response = calls.delete(calls.url("v1", "cases", caseId, "claim").build(), etag, BodyLimits.CLAIM);
        if (!response.successful()) {
            throw failure(response, caseId);
        }
    }

    @Override
    public List<CaseNote> notes(String caseId) {
        UpstreamResponse response = calls.get(calls.url("v1", "cases", caseId, "notes").build(), BodyLimits.NOTES);
        StrictJson json = StrictJson.at(response);
        return json.list(ok(response, caseId), "data", new CaseReader(json)::note);
    }

    @Override
    public CaseNote addNote(String caseId, String author, String body) {
        String json = StrictJson.MAPPER.createObjectNode().put("author", author).put("body", body).toString();
        UpstreamResponse response = calls.post(calls.url("v1", "cases", caseId, "notes").build(), json,
                BodyLimits.CLAIM, null);
        return new CaseReader(StrictJson.at(response)).note(ok(response, caseId));
    }

    @Override
    public List<PendingApproval> approvals(ApprovalStatus status) {
        HttpUrl.Builder url = calls.url("v1", "approvals");
        param(url, "status", status == null ? null : status.value());
        UpstreamResponse response = calls.get(url.build(), BodyLimits.APPROVALS);
        StrictJson json = StrictJson.at(response);
        return json.list(ok(response, null), "data", new CaseReader(json)::approval);
    }

    @Override
    public PendingApproval approval(String approvalId) {
        UpstreamResponse response = calls.get(calls.url("v1", "approvals", approvalId).build(), BodyLimits.APPROVAL);
        return new CaseReader(StrictJson.at(response)).approval(ok(response, approvalId));
    }

    @Override
    public PendingApproval requestApproval(ApprovalRequest request) {
        ObjectNode body = StrictJson.MAPPER.createObjectNode().put("kind", request.kind())
                .put("summary", request.summary()).put("maker", request.maker());
        if (request.caseId() != null) {
            body.put("case_id", request.caseId());
        }
        if (request.payloadJson() != null) {
            try {
                body.set("payload", StrictJson.MAPPER.readTree(request.payloadJson()));
            } catch (IOException e) {
                throw new IllegalArgumentException("the approval payload is not JSON", e);
            }
        }
        UpstreamResponse response = calls.post(calls.url("v1", "approvals").build(), body.toString(),
                BodyLimits.APPROVAL, null);
        return new CaseReader(StrictJson.at(response)).approval(ok(response, request.caseId()));
    }

    @Override
    public PendingApproval approve(String approvalId, String checker, String reason) {
        return resolve(approvalId, "approve", checker, reason);
    }

    @Override
    public PendingApproval reject(String approvalId, String checker, String reason) {
        return resolve(approvalId, "reject", checker, reason);
    }

    private PendingApproval resolve(String approvalId, String verb, String checker, String reason) {
        ObjectNode body = StrictJson.MAPPER.createObjectNode().put("checker", checker);
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason);
        }
        UpstreamResponse response = calls.post(calls.url("v1", "approvals", approvalId, verb).build(), body.toString(),
                BodyLimits.APPROVAL, null);
        return new CaseReader(StrictJson.at(response)).approval(ok(response, approvalId));
    }

    private static JsonNode ok(UpstreamResponse response, String subject) {
        if (!response.successful()) {
            throw failure(response, subject);
        }
        return StrictJson.objectOf(response);
    }

    /**
     * The refusal a user can act on. Passing failures (429, 5xx) and answers without a problem body
     * keep the shared status advice, which also carries Retry-After.
     */
    static RuntimeException failure(UpstreamResponse response, String subject) {
        Problem problem = Problem.of(response);
        if (problem == null || response.status() == 429 || response.status() >= 500) {
            response.orThrow();
            throw new IllegalStateException("a non-2xx answer always fails");
        }
        String where = response.connection() + " (" + response.requestLine() + ")";
        return switch (problem.slug()) {
            case "case-already-decided", "undo-window-expired" -> new CaseAlreadyDecidedException(problem.slug(),
                    where + ": " + problem.explanation() + ". Review the decision that stands.", standing(response, problem));
            case "case-claimed" -> new CaseClaimedException(subject,
                    Problem.shown(problem.body().path("holder").asText("another analyst")),
                    instantOrNull(problem.body().path("expires_at").asText(null)));
            default -> new FraudQueueException(
                    response.status() == 401 || response.status() == 403 ? FailureKind.PERMISSION : FailureKind.UPSTREAM,
                    problem.slug(), response.status(), where + " refused the request (HTTP " + response.status() + "): "
                            + problem.explanation() + "." + advice(response.status()));
        };
    }

    private static String advice(int status) {
        return switch (status) {
            case 401 -> " Check or rotate the Case API key under Connections.";
            case 404, 410 -> " It may have been removed upstream; refresh the queue.";
            case 409, 412 -> " Someone changed it first; refresh and review what stands now.";
            default -> "";
        };
    }

    private static CaseDecision standing(UpstreamResponse response, Problem problem) {
        JsonNode decision = problem.body().get("decision");
        if (decision == null || !decision.isObject()) {
            return null;
        }
        try {
            return new CaseReader(StrictJson.at(response)).decision(decision);
        } catch (RuntimeException e) {
            return null; // the refusal itself is what matters; a malformed attachment must not hide it
        }
    }

    private static Instant instantOrNull(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void param(HttpUrl.Builder url, String name, Object value) {
        if (value != null) {
            url.addQueryParameter(name, value.toString());
        }
    }
}
