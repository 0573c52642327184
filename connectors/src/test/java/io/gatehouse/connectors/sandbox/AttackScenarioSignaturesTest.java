package io.gatehouse.connectors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.connectors.sandbox.scenario.AttackScenario;
import io.gatehouse.connectors.sandbox.scenario.ScenarioActivation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each scenario's documented signatures (docs/sandbox.md), on seed 42, against the same world without it. */
class AttackScenarioSignaturesTest {
    private static final long SEED = 42;

    private static SandboxFixture world(AttackScenario scenario) {
        return new SandboxFixture(SEED, scenario == null ? List.of() : List.of(ScenarioActivation.of(scenario)));
    }

    private static List<JsonNode> casesWithRule(SandboxFixture f, String rule) {
        List<JsonNode> out = new ArrayList<>();
        f.get("/v1/cases?limit=200&rule=" + rule).json().get("data").forEach(out::add);
        return out;
    }

    @Test
    void credentialStuffing() {
        try (SandboxFixture base = world(null); SandboxFixture attack = world(AttackScenario.CREDENTIAL_STUFFING)) {
            base.advance(Duration.ofMinutes(90));
            attack.advance(Duration.ofMinutes(90));
            String b = base.get("/metrics").body();
            String a = attack.get("/metrics").body();
            Map<String, String> fail = Map.of("region", "eu", "result", "failure");
            Map<String, String> ok = Map.of("region", "eu", "result", "success");
            double failures = MetricsText.sum(a, "sandbox_login_attempts_total", fail);
            assertThat(failures).isGreaterThan(20 * MetricsText.sum(b, "sandbox_login_attempts_total", fail));
            double successes = MetricsText.sum(a, "sandbox_login_attempts_total", ok);
            assertThat(successes / (successes + failures)).as("success share").isLessThan(0.05);
            assertThat(MetricsText.sum(a, "sandbox_login_failure_source_ips", Map.of("region", "eu")))
                    .as("distinct failing IPs in the last minute").isGreaterThan(500);

            List<JsonNode> takeovers = casesWithRule(attack, "account_takeover_suspected");
            assertThat(takeovers).hasSizeGreaterThan(20);
            assertThat(casesWithRule(base, "account_takeover_suspected")).isEmpty();
            Instant firstAllowed = SandboxFixture.START.plus(Duration.ofMinutes(30));
            for (JsonNode c : takeovers) {
                assertThat(Instant.parse(c.get("created").asText())).isAfterOrEqualTo(firstAllowed);
                assertThat(c.get("device").get("first_seen").asText()).isEqualTo(c.get("created").asText());
                assertThat(c.get("customer").get("account_age_days").asInt()).isGreaterThanOrEqualTo(300);
                assertThat(c.get("region").asText()).isEqualTo("eu");
                assertThat(c.get("risk").get("rules").toString()).contains("new_device_existing_account");
            }
        }
    }

    @Test
    void cardTesting() {
        try (SandboxFixture base = world(null); SandboxFixture attack = world(AttackScenario.CARD_TESTING)) {
            Map<String, String> naCard = Map.of("region", "north_america", "rail", "card");
            Map<String, String> cvc = Map.of("region", "north_america", "rail", "card", "reason", "incorrect_cvc");
            attack.advance(Duration.ofMinutes(20));
            String at20 = attack.get("/metrics").body();
            attack.advance(Duration.ofMinutes(40));
            String at60 = attack.get("/metrics").body();
            attack.advance(Duration.ofMinutes(20));
            String at80 = attack.get("/metrics").body();
            base.advance(Duration.ofMinutes(80));
            String b = base.get("/metrics").body();

            assertThat(MetricsText.sum(at80, "sandbox_authorisations_total", naCard))
                    .isGreaterThan(2.5 * MetricsText.sum(b, "sandbox_authorisations_total", naCard));
            double early = MetricsText.sum(at20, "sandbox_declines_total", cvc)
                    / MetricsText.sum(at20, "sandbox_authorisations_total", naCard);
            double late = (MetricsText.sum(at80, "sandbox_declines_total", cvc) - MetricsText.sum(at60, "sandbox_declines_total", cvc))
                    / (MetricsText.sum(at80, "sandbox_authorisations_total", naCard) - MetricsText.sum(at60, "sandbox_authorisations_total", naCard));
            assertThat(late).as("CVC failures rise").isGreaterThan(early + 0.2);

            List<JsonNode> tests = casesWithRule(attack, "card_testing");
            assertThat(tests).hasSizeGreaterThan(50);
            Set<String> bins = new HashSet<>();
            Set<String> ips = new HashSet<>();
            for (JsonNode c : tests) {
                bins.add(c.get("card").get("bin").asText());
                ips.add(c.get("geo").get("ip").asText());
                assertThat(c.get("status").asText()).isEqualTo("auto_declined");
                long median = c.get("currency").asText().equals("USD") ? 6_000 : 8_000;
                assertThat(c.get("amount").asLong()).as("small authorisation").isLessThanOrEqualTo(median * 3 / 100 + 1);
                assertThat(c.get("velocity").get("attempts_per_ip1h").asInt()).isGreaterThanOrEqualTo(20);
            }
            assertThat(bins).hasSizeLessThanOrEqualTo(3);
            assertThat(ips).hasSizeLessThanOrEqualTo(4);
        }
    }

    @Test
    void tokenReplay() {
        try (SandboxFixture base = world(null); SandboxFixture attack = world(AttackScenario.TOKEN_REPLAY)) {
            base.advance(Duration.ofHours(2));
            attack.advance(Duration.ofHours(2));
            Map<String, String> replayed = Map.of("region", "india", "reason", "replayed_token");
            assertThat(MetricsText.sum(base.get("/metrics").body(), "sandbox_token_validation_failures_total", replayed)).isZero();
            assertThat(MetricsText.sum(attack.get("/metrics").body(), "sandbox_token_validation_failures_total", replayed))
                    .isGreaterThan(100 * 100);
            Map<String, Integer> uses = new HashMap<>();
            for (JsonNode c : casesWithRule(attack, "session_token_replayed")) {
                uses.merge(c.get("session").get("token_id").asText(), 1, Integer::sum);
            }
            assertThat(uses.keySet()).hasSizeBetween(1, 5);
            assertThat(uses.values()).anyMatch(n -> n >= 3);
        }
    }

    @Test
    void compromisedGateway() {
        try (SandboxFixture base = world(null); SandboxFixture attack = world(AttackScenario.COMPROMISED_GATEWAY)) {
            base.advance(Duration.ofHours(1));
            attack.advance(Duration.ofHours(1));
            String b = base.get("/metrics").body();
            String a = attack.get("/metrics").body();
            Map<String, String> br = Map.of("region", "brazil_latam");
            assertThat(errorRate(b, br)).isLessThan(0.02);
            assertThat(errorRate(a, br)).isGreaterThan(0.15);
            assertThat(shareUnderOneSecond(b, br)).isGreaterThan(0.9);
            assertThat(shareUnderOneSecond(a, br)).isLessThan(0.2);
            assertThat(webhookFailureRate(b, br)).isLessThan(0.01);
            assertThat(webhookFailureRate(a, br)).isGreaterThan(0.2);
            Map<String, String> eu = Map.of("region", "eu");
            assertThat(MetricsText.sum(a, "sandbox_checkout_attempts_total", eu))
                    .as("other regions are untouched").isEqualTo(MetricsText.sum(b, "sandbox_checkout_attempts_total", eu));
            assertThat(errorRate(a, eu)).isLessThan(0.02);
        }
    }

    @Test
    void unusualGeography() {
        try (SandboxFixture base = world(null); SandboxFixture attack = world(AttackScenario.UNUSUAL_GEOGRAPHY)) {
            base.advance(Duration.ofHours(1));
            attack.advance(Duration.ofHours(1));
            String b = base.get("/metrics").body();
            String a = attack.get("/metrics").body();
            Map<String, String> jk = Map.of("region", "japan_korea");
            double baseShare = MetricsText.sum(b, "sandbox_checkout_foreign_origin_total", jk)
                    / MetricsText.sum(b, "sandbox_checkout_attempts_total", jk);
            double attackShare = MetricsText.sum(a, "sandbox_checkout_foreign_origin_total", jk)
                    / MetricsText.sum(a, "sandbox_checkout_attempts_total", jk);
            assertThat(baseShare).isBetween(0.0, 0.06);
            assertThat(attackShare).isGreaterThan(0.3);
            assertThat(MetricsText.sum(a, "sandbox_checkout_foreign_origin_total", Map.of("region", "japan_korea",
                    "country", "RU"))).isGreaterThan(0.5 * 30 * 45);
            assertThat(MetricsText.sum(b, "sandbox_checkout_foreign_origin_total", Map.of("country", "RU"))).isZero();
            Map<String, String> eu = Map.of("region", "eu");
            assertThat(MetricsText.sum(a, "sandbox_checkout_foreign_origin_total", eu))
                    .as("other regions are untouched").isEqualTo(MetricsText.sum(b, "sandbox_checkout_foreign_origin_total", eu));
        }
    }

    private static double errorRate(String m, Map<String, String> labels) {
        return MetricsText.sum(m, "sandbox_checkout_errors_total", labels) / MetricsText.sum(m, "sandbox_checkout_attempts_total", labels);
    }

    private static double shareUnderOneSecond(String m, Map<String, String> labels) {
        return MetricsText.bucket(m, "sandbox_checkout_latency_seconds", labels, 1.0)
                / MetricsText.sum(m, "sandbox_checkout_latency_seconds_count", labels);
    }

    private static double webhookFailureRate(String m, Map<String, String> labels) {
        return MetricsText.sum(m, "sandbox_webhook_signature_failures_total", labels)
                / MetricsText.sum(m, "sandbox_webhook_deliveries_total", labels);
    }
}
