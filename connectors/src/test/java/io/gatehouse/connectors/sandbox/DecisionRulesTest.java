package io.gatehouse.connectors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DecisionRulesTest {
    private static final String PROBLEMS = "https://gatehouse.io/problems/";
    private SandboxFixture sandbox;

    @BeforeEach
    void start() {
        sandbox = new SandboxFixture(3).advance(Duration.ofHours(2));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theSameKeyReplaysTheFirstAnswer() {
        String id = sandbox.firstCase("review");
        SandboxFixture.Reply first = sandbox.decide(id, "k-1", "approve", "ana");
        SandboxFixture.Reply again = sandbox.decide(id, "k-1", "approve", "ana");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(sandbox.get("/v1/cases/" + id).json().get("decisions")).hasSize(1);
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefused() {
        String id = sandbox.firstCase("review");
        sandbox.decide(id, "k-2", "approve", "ana");
        SandboxFixture.Reply other = sandbox.decide(id, "k-2", "decline", "ana");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("type").asText()).isEqualTo(PROBLEMS + "idempotency-key-reused");
    }

    @Test
    void aDifferentDecisionOnADecidedCaseIs409WithTheStandingDecision() {
        String id = sandbox.firstCase("review");
        JsonNode standing = sandbox.decide(id, "k-3", "decline", "ana").json();
        SandboxFixture.Reply conflict = sandbox.decide(id, "k-4", "approve", "bo");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("type").asText()).isEqualTo(PROBLEMS + "case-already-decided");
        assertThat(conflict.json().get("decision")).isEqualTo(standing);
        // The 409 is itself the first answer to k-4, so a retry replays it even after things change.
        assertThat(sandbox.decide(id, "k-4", "approve", "bo").body()).isEqualTo(conflict.body());

        SandboxFixture.Reply same = sandbox.decide(id, "k-5", "decline", "bo");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json()).isEqualTo(standing);
        assertThat(sandbox.decide(id, "k-6", "hold", "bo").status()).isEqualTo(409);
    }

    @Test
    void aReversalLetsADeclinedOrderThroughAndMayNotifyTheCustomer() {
        String id = sandbox.firstCase("auto_declined");
        assertThat(sandbox.decide(id, "k-7", "approve", "ana").status()).isEqualTo(409);
        SandboxFixture.Reply reversal = sandbox.post("/v1/cases/" + id + "/decisions",
                "{\"action\":\"reverse_decline\",\"reason\":\"known customer\",\"analyst\":\"ana\","
                        + "\"allowlist\":[{\"type\":\"email\",\"value\":\"a@mail.test\"}],"
                        + "\"notify_customer\":{\"channel\":\"email\",\"message\":\"Sorry, your order is on its way\"}}",
                Map.of("Idempotency-Key", "k-8"));
        assertThat(reversal.status()).isEqualTo(201);
        assertThat(reversal.json().get("notification").get("channel").asText()).isEqualTo("email");
        JsonNode c = sandbox.get("/v1/cases/" + id).json();
        assertThat(c.get("status").asText()).isEqualTo("decided");
        assertThat(c.get("decision").get("action").asText()).isEqualTo("reverse_decline");
        assertThat(sandbox.decide(id, "k-9", "reverse_decline", "ana").status()).isEqualTo(200);
    }

    @Test
    void undoWorksWithinFifteenMinutesOfSimulatedTime() {
        String id = sandbox.firstCase("review");
        sandbox.decide(id, "k-10", "approve", "ana");
        sandbox.advance(Duration.ofMinutes(5));
        SandboxFixture.Reply undo = sandbox.decide(id, "k-11", "undo", "ana");
        assertThat(undo.status()).isEqualTo(201);
        assertThat(sandbox.get("/v1/cases/" + id).json().get("status").asText()).isEqualTo("review");

        sandbox.decide(id, "k-12", "decline", "ana");
        sandbox.advance(Duration.ofMinutes(16));
        SandboxFixture.Reply late = sandbox.decide(id, "k-13", "undo", "ana");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("type").asText()).isEqualTo(PROBLEMS + "undo-window-expired");
    }

    @Test
    void onlyTheDecidingAnalystCanUndo() {
        String id = sandbox.firstCase("review");
        sandbox.decide(id, "k-30", "decline", "ana");
        SandboxFixture.Reply other = sandbox.decide(id, "k-31", "undo", "ben");
        // a conflict with the case as it stands, like a late undo: the console shows the standing decision
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("type").asText()).isEqualTo(PROBLEMS + "not-your-decision");
        assertThat(other.json().get("decision").get("analyst").asText()).isEqualTo("ana");
        assertThat(sandbox.get("/v1/cases/" + id).json().get("status").asText()).isEqualTo("decided");
        // ana herself still can
        assertThat(sandbox.decide(id, "k-32", "undo", "ana").status()).isEqualTo(201);
        assertThat(sandbox.get("/v1/cases/" + id).json().get("status").asText()).isEqualTo("review");
    }

    @Test
    void holdAndEscalateKeepTheCaseInReview() {
        String id = sandbox.firstCase("review");
        assertThat(sandbox.decide(id, "k-14", "hold", "ana").status()).isEqualTo(201);
        assertThat(sandbox.decide(id, "k-15", "escalate", "ana").status()).isEqualTo(201);
        JsonNode c = sandbox.get("/v1/cases/" + id).json();
        assertThat(c.get("status").asText()).isEqualTo("review");
        assertThat(c.get("held").asBoolean()).isTrue();
        assertThat(c.get("escalated").asBoolean()).isTrue();
    }

    @Test
    void badRequestsAreProblemsAndAreNotRemembered() {
        String id = sandbox.firstCase("review");
        SandboxFixture.Reply noKey = sandbox.post("/v1/cases/" + id + "/decisions",
                "{\"action\":\"approve\",\"reason\":\"r\",\"analyst\":\"a\"}");
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().get("type").asText()).isEqualTo(PROBLEMS + "idempotency-key-required");
        SandboxFixture.Reply malformed = sandbox.post("/v1/cases/" + id + "/decisions", "{\"action\":",
                Map.of("Idempotency-Key", "k-16"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("type").asText()).isEqualTo(PROBLEMS + "malformed-json");
        SandboxFixture.Reply unknown = sandbox.post("/v1/cases/" + id + "/decisions",
                "{\"action\":\"shrug\",\"reason\":\"r\",\"analyst\":\"a\"}", Map.of("Idempotency-Key", "k-16"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("type").asText()).isEqualTo(PROBLEMS + "invalid-request");
        // Nothing ran, so the key is still free for a good request.
        assertThat(sandbox.decide(id, "k-16", "approve", "a").status()).isEqualTo(201);
    }

    @Test
    void fourEyesRefusesTheMakerAsChecker() {
        JsonNode approval = sandbox.post("/v1/approvals",
                "{\"kind\":\"decision\",\"summary\":\"reverse a decline\",\"maker\":\"ana\"}").json();
        String id = approval.get("id").asText();
        SandboxFixture.Reply self = sandbox.post("/v1/approvals/" + id + "/approve", "{\"checker\":\"ANA\"}");
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.json().get("type").asText()).isEqualTo(PROBLEMS + "maker-cannot-check");
        assertThat(sandbox.post("/v1/approvals/" + id + "/reject", "{\"checker\":\"bo\",\"reason\":\"no\"}").status())
                .isEqualTo(200);
        assertThat(sandbox.post("/v1/approvals/" + id + "/approve", "{\"checker\":\"cy\"}").status()).isEqualTo(409);
        assertThat(sandbox.get("/v1/approvals/" + id).json().get("status").asText()).isEqualTo("rejected");
    }
}
