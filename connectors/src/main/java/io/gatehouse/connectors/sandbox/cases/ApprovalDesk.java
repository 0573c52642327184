package io.gatehouse.connectors.sandbox.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.connectors.sandbox.problem.ApiProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Four-eyes approvals stored upstream, so no single desktop can approve its own request. */
public final class ApprovalDesk {
    private final int capacity;
    private final Map<String, PendingApproval> approvals = new LinkedHashMap<>();
    private long next = 1;

    public ApprovalDesk(int capacity) {
        this.capacity = capacity;
    }

    public PendingApproval request(String kind, String caseId, String summary, JsonNode payload, String maker,
                                   Instant now) {
        PendingApproval a = new PendingApproval("apr_%08d".formatted(next++), "approval", kind, caseId, summary,
                payload, maker, now, "pending", null, null, null);
        approvals.put(a.id(), a);
        if (approvals.size() > capacity) {
            approvals.remove(approvals.keySet().iterator().next());
        }
        return a;
    }

    public PendingApproval find(String id) {
        PendingApproval a = approvals.get(id);
        if (a == null) {
            throw ApiProblem.notFound("no approval " + id);
        }
        return a;
    }

    public List<PendingApproval> list(String status) {
        List<PendingApproval> out = new ArrayList<>();
        for (PendingApproval a : approvals.values()) {
            if (status == null || a.status().equals(status)) {
                out.add(a);
            }
        }
        return out.reversed();
    }

    /** Approves or rejects; the maker can never be the checker, whatever the client allows. */
    public PendingApproval resolve(String id, boolean approve, String checker, String reason, Instant now) {
        PendingApproval a = find(id);
        if (!a.status().equals("pending")) {
            throw new ApiProblem(409, "approval-already-resolved", "The approval is already resolved",
                    id + " was " + a.status() + " by " + a.checker(), Map.of("approval", a));
        }
        if (a.maker().toLowerCase(Locale.ROOT).equals(checker.toLowerCase(Locale.ROOT))) {
            throw new ApiProblem(403, "maker-cannot-check", "The maker cannot check their own request",
                    checker + " made " + id + "; another analyst must approve or reject it");
        }
        PendingApproval done = new PendingApproval(a.id(), a.object(), a.kind(), a.caseId(), a.summary(),
                a.payload(), a.maker(), a.created(), approve ? "approved" : "rejected", checker, reason, now);
        approvals.put(id, done);
        return done;
    }
}
