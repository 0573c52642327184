package io.gatehouse.connectors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CaseApiContractTest {
    private static final ContractSchemas SCHEMAS = new ContractSchemas();
    private static SandboxFixture sandbox;

    @BeforeAll
    static void start() {
        sandbox = new SandboxFixture(7).advance(Duration.ofHours(6));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void contractIsOpenApi31AndEveryRefResolves() {
        JsonNode doc = SCHEMAS.contract();
        assertThat(doc.path("openapi").asText()).matches("3\\.1\\.\\d+");
        assertThat(doc.path("info").path("title").asText()).isNotBlank();
        assertThat(doc.path("paths").size()).isGreaterThanOrEqualTo(10);
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).as("only local refs").startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as("ref %s resolves", ref).isFalse();
        }
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (!op.getKey().equals("parameters")) {
                assertThat(op.getValue().path("responses").isObject()).as("%s %s has responses", op.getKey(),
                        path.getKey()).isTrue();
            }
        }));
        assertThat(doc.path("info").path("description").asText()).contains("tolerate unknown enum values");
    }

    @Test
    void casesAndListsValidate() {
        assertValid("CaseList", sandbox.get("/v1/cases?limit=20"));
        assertValid("CaseList", sandbox.get("/v1/cases?status=auto_declined&limit=5"));
        SandboxFixture.Reply page = sandbox.get("/v1/cases?limit=2");
        assertThat(page.json().get("has_more").asBoolean()).isTrue();
        assertValid("CaseList", sandbox.get("/v1/cases?limit=2&cursor=" + page.json().get("next_cursor").asText()));
        assertValid("Case", sandbox.get("/v1/cases/" + sandbox.firstCase("review")));
        assertValid("EventList", sandbox.get("/v1/events?limit=50"));
    }

    @Test
    void decisionsClaimsNotesAndApprovalsValidate() {
        String review = sandbox.firstCase("review");
        SandboxFixture.Reply claim = sandbox.post("/v1/cases/" + review + "/claim", "{\"analyst\":\"ana\"}");
        assertThat(claim.status()).isEqualTo(201);
        assertValid("Claim", claim);
        assertValid("Note", sandbox.post("/v1/cases/" + review + "/notes", "{\"author\":\"ana\",\"body\":\"looks odd\"}"));
        assertValid("NoteList", sandbox.get("/v1/cases/" + review + "/notes"));
        SandboxFixture.Reply decided = sandbox.decide(review, "contract-1", "decline", "ana");
        assertThat(decided.status()).isEqualTo(201);
        assertValid("Decision", decided);
        assertValid("Case", sandbox.get("/v1/cases/" + review));
        SandboxFixture.Reply conflict = sandbox.decide(review, "contract-2", "approve", "ana");
        assertThat(conflict.status()).isEqualTo(409);
        assertValid("Problem", conflict);

        SandboxFixture.Reply approval = sandbox.post("/v1/approvals",
                "{\"kind\":\"allowlist\",\"summary\":\"trust device\",\"maker\":\"ana\",\"payload\":{\"device\":\"dev_1\"}}");
        assertThat(approval.status()).isEqualTo(201);
        assertValid("PendingApproval", approval);
        String id = approval.json().get("id").asText();
        assertValid("Problem", sandbox.post("/v1/approvals/" + id + "/approve", "{\"checker\":\"ana\"}"));
        assertValid("PendingApproval", sandbox.post("/v1/approvals/" + id + "/approve", "{\"checker\":\"bo\"}"));
        assertValid("ApprovalList", sandbox.get("/v1/approvals?status=approved"));
    }

    @Test
    void keysAdminAndErrorsValidate() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        SandboxFixture.Reply published = sandbox.put("/admin/jwks",
                "{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}", sandbox.admin());
        assertValid("JwksPublication", published);
        assertValid("Jwks", sandbox.get("/.well-known/jwks.json"));
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(), new Payload("{}"));
        jws.sign(new ECDSASigner(key));
        SandboxFixture.Reply verified = sandbox.post("/v1/tokens/verify", "{\"token\":\"" + jws.serialize() + "\"}");
        assertThat(verified.json().get("valid").asBoolean()).isTrue();
        assertValid("TokenVerification", verified);
        assertValid("ScenarioList", sandbox.get("/admin/scenarios", sandbox.admin()));
        assertThat(sandbox.get("/admin/scenarios").status()).isEqualTo(401);
        assertValid("Scenario", sandbox.put("/admin/scenarios/card_testing", "{\"active\":false}", sandbox.admin()));
        assertValid("Health", sandbox.get("/healthz"));

        for (SandboxFixture.Reply problem : List.of(sandbox.get("/v1/cases/case_999999"),
                sandbox.get("/v1/cases?status=lost"), sandbox.get("/nowhere"),
                sandbox.post("/v1/cases/" + sandbox.firstCase("review") + "/notes", "{not json"),
                sandbox.post("/v1/cases/x/decisions", "{}"), sandbox.get("/admin/scenarios"))) {
            assertThat(problem.status()).isBetween(400, 499);
            assertThat(problem.header("Content-Type")).contains("application/problem+json");
            assertValid("Problem", problem);
        }
    }

    @Test
    void oversizedBodiesGet413() {
        String big = "{\"author\":\"a\",\"body\":\"" + "x".repeat(70 * 1024) + "\"}";
        SandboxFixture.Reply reply = sandbox.post("/v1/cases/" + sandbox.firstCase("review") + "/notes", big);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("type").asText()).isEqualTo("https://gatehouse.io/problems/payload-too-large");
        assertValid("Problem", reply);
    }

    private static void assertValid(String schema, SandboxFixture.Reply reply) {
        assertThat(SCHEMAS.errors(schema, reply.body())).as("%s (HTTP %s): %s", schema, reply.status(),
                reply.body().length() > 600 ? reply.body().substring(0, 600) : reply.body()).isEmpty();
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                refs.add(ref.asText());
            }
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                collectRefs(child.getValue(), refs);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
