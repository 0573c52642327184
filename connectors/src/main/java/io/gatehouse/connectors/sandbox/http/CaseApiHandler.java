package io.gatehouse.connectors.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.connectors.sandbox.SandboxWorld;
import io.gatehouse.connectors.sandbox.cases.CaseEvent;
import io.gatehouse.connectors.sandbox.cases.CaseQuery;
import io.gatehouse.connectors.sandbox.cases.CaseStatus;
import io.gatehouse.connectors.sandbox.cases.CaseView;
import io.gatehouse.connectors.sandbox.cases.Claim;
import io.gatehouse.connectors.sandbox.cases.ClaimLease;
import io.gatehouse.connectors.sandbox.cases.DecisionRequest;
import io.gatehouse.connectors.sandbox.cases.IdempotencyLedger;
import io.gatehouse.connectors.sandbox.cases.Note;
import io.gatehouse.connectors.sandbox.cases.SandboxCase;
import io.gatehouse.connectors.sandbox.problem.ApiProblem;
import io.gatehouse.connectors.sandbox.world.PaymentRail;
import io.gatehouse.connectors.sandbox.world.Region;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Case API's case routes: list, read, decide, claim, notes and the change stream. */
public final class CaseApiHandler {
    private static final Pattern CASE = Pattern.compile("^/v1/cases/([A-Za-z0-9_]{1,64})(/(decisions|claim|notes))?$");
    /** Problems a retried decision must see again; validation errors are not remembered, as nothing ran. */
    private static final Set<Integer> REMEMBERED = Set.of(403, 404, 409, 412);
    private static final Set<String> LIST_PARAMS = Set.of("status", "region", "rail", "currency", "risk_level",
            "min_risk", "max_risk", "min_amount", "max_amount", "min_age_seconds", "max_age_seconds", "rule",
            "assignee", "limit", "cursor");

    private final SandboxWorld world;

    public CaseApiHandler(SandboxWorld world) {
        this.world = world;
    }

    /** Handles the request if it is a case route; false if the path is not one of ours. */
    public boolean handle(ApiExchange ex) throws IOException {
        String path = ex.path();
        if (path.equals("/v1/cases")) {
            Routes.requireMethod(ex, "GET");
            list(ex);
            return true;
        }
        if (path.equals("/v1/events")) {
            Routes.requireMethod(ex, "GET");
            events(ex);
            return true;
        }
        Matcher m = CASE.matcher(path);
        if (!m.matches()) {
            return false;
        }
        String id = m.group(1);
        String sub = m.group(3);
        if (sub == null) {
            Routes.requireMethod(ex, "GET");
            ex.json(200, world.transact(now -> CaseView.of(world.find(id), now)));
        } else if (sub.equals("decisions")) {
            Routes.requireMethod(ex, "POST");
            decide(ex, id);
        } else if (sub.equals("claim")) {
            Routes.requireMethod(ex, "POST", "DELETE");
            claim(ex, id);
        } else {
            Routes.requireMethod(ex, "GET", "POST");
            notes(ex, id);
        }
        return true;
    }

    private void list(ApiExchange ex) throws IOException {
        for (String name : ex.queryParams().keySet()) {
            if (!LIST_PARAMS.contains(name)) {
                throw ApiProblem.invalid("unknown query parameter '" + name + "'");
            }
        }
        CaseQuery query = new CaseQuery(
                enumParam(ex.query("status"), "status", CaseStatus::fromWireName),
                enumParam(ex.query("region"), "region", Region::fromWireName),
                enumParam(ex.query("rail"), "rail", PaymentRail::fromWireName),
                checked(ex.query("currency"), "currency", "[A-Za-z]{3}"),
                checked(ex.query("risk_level"), "risk_level", "normal|elevated|highest"),
                Fields.intParam(ex.query("min_risk"), "min_risk", 0, 100),
                Fields.intParam(ex.query("max_risk"), "max_risk", 0, 100),
                Fields.longParam(ex.query("min_amount"), "min_amount"),
                Fields.longParam(ex.query("max_amount"), "max_amount"),
                Fields.secondsParam(ex.query("min_age_seconds"), "min_age_seconds"),
                Fields.secondsParam(ex.query("max_age_seconds"), "max_age_seconds"),
                ex.query("rule"), ex.query("assignee"));
        int limit = orDefault(Fields.intParam(ex.query("limit"), "limit", 1, 200), 50);
        Long before = parseCursor(ex.query("cursor"));
        ex.json(200, world.transact(now -> {
            List<SandboxCase> page = world.store().page(query, before, limit, now);
            boolean more = page.size() > limit;
            List<CaseView> data = page.stream().limit(limit).map(c -> CaseView.of(c, now)).toList();
            Map<String, Object> body = listBody(data, more);
            if (more) {
                body.put("next_cursor", "c" + page.get(limit - 1).sequence());
            }
            return body;
        }));
    }

    private void events(ApiExchange ex) throws IOException {
        long after = orDefault(Fields.longParam(ex.query("after"), "after"), 0L);
        int limit = orDefault(Fields.intParam(ex.query("limit"), "limit", 1, 1000), 100);
        ex.json(200, world.transact(now -> {
            List<CaseEvent> page = world.events().after(after, limit);
            boolean more = page.size() > limit;
            List<CaseEvent> data = page.stream().limit(limit).toList();
            Map<String, Object> body = listBody(data, more);
            body.put("next_cursor", String.valueOf(data.isEmpty() ? Math.max(after, 0) : data.getLast().sequence()));
            return body;
        }));
    }

    private void decide(ApiExchange ex, String caseId) throws IOException {
        String key = ex.header("Idempotency-Key");
        if (key == null || key.isBlank() || key.length() > 255) {
            throw new ApiProblem(400, "idempotency-key-required", "An Idempotency-Key header is required",
                    "every decision carries an Idempotency-Key of 1 to 255 characters");
        }
        byte[] raw = ex.body();
        String fingerprint = "POST " + ex.path() + " " + sha256(raw);
        // Parse only after the ledger check would be wrong: a malformed body must never be remembered.
        DecisionRequest request = DecisionParser.parse(ex.jsonBodyOf(raw));
        IdempotencyLedger.Entry entry = world.transact(now -> {
            var previous = world.ledger().find(key);
            if (previous.isPresent()) {
                if (!previous.get().requestFingerprint().equals(fingerprint)) {
                    throw new ApiProblem(422, "idempotency-key-reused", "The Idempotency-Key was used for another request",
                            "key '" + key + "' was first used with a different request; use a new key");
                }
                return new IdempotencyLedger.Entry(null, previous.get().status(), previous.get().body());
            }
            IdempotencyLedger.Entry answer;
            try {
                var result = world.decide(world.find(caseId), request, now);
                answer = new IdempotencyLedger.Entry(fingerprint, result.created() ? 201 : 200,
                        Json.bytes(result.decision()));
            } catch (ApiProblem p) {
                if (!REMEMBERED.contains(p.status())) {
                    throw p;
                }
                answer = new IdempotencyLedger.Entry(fingerprint, p.status(), Json.bytes(p.body(ex.path())));
            }
            world.ledger().remember(key, answer);
            return answer;
        });
        if (entry.requestFingerprint() == null) {
            ex.setHeader("Idempotent-Replayed", "true");
        }
        ex.send(entry.status(), entry.status() >= 400 ? "application/problem+json" : "application/json", entry.body());
    }

    private void claim(ApiExchange ex, String caseId) throws IOException {
        if (ex.method().equals("DELETE")) {
            String ifMatch = ex.header("If-Match");
            world.transact(now -> {
                world.release(world.find(caseId), ifMatch, now);
                return null;
            });
            ex.noContent();
            return;
        }
        JsonNode body = ex.jsonBody();
        String analyst = Fields.requiredText(body, "analyst");
        JsonNode ttlNode = body.get("ttl_seconds");
        if (ttlNode != null && (!ttlNode.canConvertToInt() || ttlNode.intValue() < 1 || !ttlNode.isIntegralNumber())) {
            throw ApiProblem.invalid("'ttl_seconds' must be a positive integer");
        }
        Duration ttl = ttlNode == null ? ClaimLease.DEFAULT_TTL : Duration.ofSeconds(ttlNode.intValue());
        Claimed result = world.transact(now -> {
            SandboxCase c = world.find(caseId);
            boolean renewal = c.liveClaim(now) != null;
            return new Claimed(world.claim(c, analyst, ttl, now), renewal);
        });
        ex.setHeader("ETag", result.claim().etag());
        ex.json(result.renewal() ? 200 : 201, result.claim());
    }

    private void notes(ApiExchange ex, String caseId) throws IOException {
        if (ex.method().equals("GET")) {
            ex.json(200, world.transact(now -> listBody(List.copyOf(world.find(caseId).notes()), false)));
            return;
        }
        JsonNode body = ex.jsonBody();
        String author = Fields.requiredText(body, "author");
        String text = Fields.requiredText(body, "body");
        Note note = world.transact(now -> world.note(world.find(caseId), author, text, now));
        ex.json(201, note);
    }

    private record Claimed(Claim claim, boolean renewal) {
    }

    static Map<String, Object> listBody(List<?> data, boolean more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", "list");
        body.put("data", data);
        body.put("has_more", more);
        return body;
    }

    private static Long parseCursor(String cursor) {
        if (cursor == null) {
            return null;
        }
        if (!cursor.matches("c[0-9]{1,18}")) {
            throw new ApiProblem(400, "invalid-cursor", "The cursor is not valid",
                    "pass next_cursor from a previous page unchanged");
        }
        return Long.parseLong(cursor.substring(1));
    }

    private static <T> T enumParam(String raw, String name, java.util.function.Function<String, java.util.Optional<T>> parse) {
        if (raw == null) {
            return null;
        }
        return parse.apply(raw).orElseThrow(() -> ApiProblem.invalid("unknown " + name + " '" + raw + "'"));
    }

    private static String checked(String raw, String name, String pattern) {
        if (raw != null && !raw.matches(pattern)) {
            throw ApiProblem.invalid("'" + name + "' must match " + pattern);
        }
        return raw;
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
