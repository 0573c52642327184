package io.gatehouse.connectors.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.connectors.sandbox.SandboxWorld;
import io.gatehouse.connectors.sandbox.cases.PendingApproval;
import io.gatehouse.connectors.sandbox.problem.ApiProblem;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Four-eyes approvals: a maker files a request, a different checker approves or rejects it. */
public final class ApprovalsHandler {
    private static final Pattern ONE = Pattern.compile("^/v1/approvals/([A-Za-z0-9_]{1,64})(/(approve|reject))?$");
    private static final Set<String> STATUSES = Set.of("pending", "approved", "rejected");

    private final SandboxWorld world;

    public ApprovalsHandler(SandboxWorld world) {
        this.world = world;
    }

    public boolean handle(ApiExchange ex) throws IOException {
        if (ex.path().equals("/v1/approvals")) {
            Routes.requireMethod(ex, "GET", "POST");
            if (ex.method().equals("GET")) {
                String status = ex.query("status");
                if (status != null && !STATUSES.contains(status)) {
                    throw ApiProblem.invalid("status must be one of " + STATUSES);
                }
                ex.json(200, world.transact(now -> CaseApiHandler.listBody(world.approvals().list(status), false)));
            } else {
                JsonNode body = ex.jsonBody();
                String kind = Fields.requiredText(body, "kind");
                String caseId = Fields.optionalText(body, "case_id");
                String summary = Fields.requiredText(body, "summary");
                String maker = Fields.requiredText(body, "maker");
                JsonNode payload = body.get("payload");
                if (payload != null && !payload.isObject()) {
                    throw ApiProblem.invalid("'payload' must be an object");
                }
                PendingApproval a = world.transact(now -> {
                    if (caseId != null) {
                        world.find(caseId);
                    }
                    return world.approvals().request(kind, caseId, summary, payload, maker, now);
                });
                ex.json(201, a);
            }
            return true;
        }
        Matcher m = ONE.matcher(ex.path());
        if (!m.matches()) {
            return false;
        }
        String id = m.group(1);
        if (m.group(3) == null) {
            Routes.requireMethod(ex, "GET");
            ex.json(200, world.transact(now -> world.approvals().find(id)));
            return true;
        }
        Routes.requireMethod(ex, "POST");
        JsonNode body = ex.jsonBody();
        String checker = Fields.requiredText(body, "checker");
        String reason = Fields.optionalText(body, "reason");
        boolean approve = m.group(3).equals("approve");
        ex.json(200, world.transact(now -> world.approvals().resolve(id, approve, checker, reason, now)));
        return true;
    }
}
