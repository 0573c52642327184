package io.gatehouse.connectors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CaseListFiltersTest {
    private static SandboxFixture sandbox;

    @BeforeAll
    static void start() {
        sandbox = new SandboxFixture(21).advance(Duration.ofHours(8));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static JsonNode data(String query) {
        SandboxFixture.Reply r = sandbox.get("/v1/cases?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("data");
    }

    @Test
    void filtersNarrowTheList() {
        JsonNode jpy = data("region=japan_korea&currency=JPY&limit=200");
        assertThat(jpy).isNotEmpty().allSatisfy(c -> {
            assertThat(c.get("region").asText()).isEqualTo("japan_korea");
            assertThat(c.get("currency").asText()).isEqualTo("JPY");
        });
        assertThat(data("rail=pix&min_risk=90&limit=200")).allSatisfy(c -> {
            assertThat(c.get("rail").asText()).isEqualTo("pix");
            assertThat(c.get("risk").get("score").asInt()).isGreaterThanOrEqualTo(90);
        });
        assertThat(data("min_amount=1000&max_amount=5000&limit=200")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("amount").asLong()).isBetween(1000L, 5000L));
        assertThat(data("risk_level=highest&limit=200")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("auto_declined"));
        assertThat(data("rule=country_mismatch&limit=200")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("risk").get("rules").toString()).contains("country_mismatch"));
        assertThat(data("max_age_seconds=3600&limit=200")).isNotEmpty().allSatisfy(c ->
                assertThat(c.get("created").asText()).isGreaterThanOrEqualTo("2026-03-02T07:00:00Z"));
    }

    @Test
    void cursorsWalkEveryCaseOnce() {
        Set<String> small = walk(37);
        assertThat(small).hasSizeGreaterThan(37);
        assertThat(small).isEqualTo(walk(200));
    }

    private static Set<String> walk(int limit) {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = sandbox.get("/v1/cases?status=auto_declined&limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("data").forEach(c -> assertThat(seen.add(c.get("id").asText())).as("seen once").isTrue());
            cursor = page.get("has_more").asBoolean() ? page.get("next_cursor").asText() : null;
            pages++;
        } while (cursor != null && pages < 1_000);
        return seen;
    }

    @Test
    void badFiltersAre400() {
        for (String q : new String[] {"risk_level=scary", "currency=euro", "region=mars", "min_risk=101", "limit=0",
                "cursor=zzz", "colour=red"}) {
            SandboxFixture.Reply r = sandbox.get("/v1/cases?" + q);
            assertThat(r.status()).as(q).isEqualTo(400);
        }
    }
}
