package io.gatehouse.connectors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClaimLeaseTest {
    private SandboxFixture sandbox;
    private String caseId;

    @BeforeEach
    void start() {
        sandbox = new SandboxFixture(4).advance(Duration.ofHours(2));
        caseId = sandbox.firstCase("review");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private SandboxFixture.Reply claim(String analyst, int ttl) {
        return sandbox.post("/v1/cases/" + caseId + "/claim", "{\"analyst\":\"" + analyst + "\",\"ttl_seconds\":" + ttl + "}");
    }

    @Test
    void aLiveClaimIs409WithTheHolderUntilItExpiresOnTheInjectedClock() {
        SandboxFixture.Reply mine = claim("ana", 600);
        assertThat(mine.status()).isEqualTo(201);
        assertThat(mine.header("ETag")).contains(mine.json().get("etag").asText());
        assertThat(sandbox.get("/v1/cases?assignee=ana").json().get("data")).hasSize(1);

        sandbox.advance(Duration.ofMinutes(9).plusSeconds(59));
        SandboxFixture.Reply theirs = claim("bo", 600);
        assertThat(theirs.status()).isEqualTo(409);
        assertThat(theirs.json().get("type").asText()).isEqualTo("https://gatehouse.io/problems/case-claimed");
        assertThat(theirs.json().get("holder").asText()).isEqualTo("ana");
        assertThat(sandbox.decide(caseId, "d-1", "approve", "bo").status()).isEqualTo(409);

        sandbox.advance(Duration.ofSeconds(1));
        assertThat(claim("bo", 600).status()).isEqualTo(201);
        assertThat(sandbox.get("/v1/cases/" + caseId).json().get("assignee").asText()).isEqualTo("bo");
    }

    @Test
    void theHolderRenewsWithANewEtagAndReleasesOnlyWithTheCurrentOne() {
        String first = claim("ana", 300).json().get("etag").asText();
        sandbox.advance(Duration.ofMinutes(4));
        SandboxFixture.Reply renewed = claim("ana", 300);
        assertThat(renewed.status()).isEqualTo(200);
        String second = renewed.json().get("etag").asText();
        assertThat(second).isNotEqualTo(first);
        sandbox.advance(Duration.ofMinutes(4));
        assertThat(claim("bo", 300).status()).as("renewal pushed the expiry out").isEqualTo(409);

        SandboxFixture.Reply stale = sandbox.delete("/v1/cases/" + caseId + "/claim", Map.of("If-Match", first));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(sandbox.delete("/v1/cases/" + caseId + "/claim", Map.of("If-Match", second)).status()).isEqualTo(204);
        assertThat(claim("bo", 300).status()).isEqualTo(201);
    }

    @Test
    void theHolderMayDecide() {
        claim("ana", 600);
        assertThat(sandbox.decide(caseId, "d-2", "decline", "ana").status()).isEqualTo(201);
    }
}
