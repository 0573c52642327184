package io.gatehouse.data.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.config.ConfigLoader;
import io.gatehouse.data.config.ConnectionProfile;
import io.gatehouse.data.config.GatehouseConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration an edit must read back as: the old one with the three edited values, nothing more. */
class ConnectionEditTest {
    static final String PIN = "sha256/" + "A".repeat(43) + "=";
    static final GatehouseConfig CONFIG = new ConfigLoader().parse(Path.of("config.yaml"), """
            operator: alice
            operators: [{id: alice, name: Alice, roles: [lead]}]
            profile: production
            profiles:
              staging:
                caseApi: {url: https://staging.example.com/v1, apiKeySecret: staging-key}
              production:
                caseApi: {url: https://cases.example.com/v1, apiKeySecret: case-api-key, pins: [%s]}
                prometheus: {url: http://127.0.0.1:9090, regionLabel: zone}
                stripe: {apiKeySecret: stripe-key, apiVersion: 2024-06-20, allowLists: {email: rsl_1}}
            review: {source: caseApi, undoMinutes: 7}
            """.formatted(PIN));

    @Test
    void onlyTheEditedValuesOfTheNamedConnectionChange() {
        ConnectionEdit edit = new ConnectionEdit(URI.create("https://metrics.example.com"), " ca.pem ", List.of(PIN, " "));

        GatehouseConfig intended = edit.appliedTo(CONFIG, "prometheus");

        ConnectionProfile before = CONFIG.activeProfile();
        ConnectionProfile after = intended.activeProfile();
        assertThat(after.prometheus()).isEqualTo(new ConnectionProfile.Prometheus(URI.create("https://metrics.example.com"),
                "zone", null, "ca.pem", List.of(PIN), null));
        assertThat(after).isEqualTo(new ConnectionProfile(before.sandbox(), before.caseApi(), after.prometheus(),
                before.token(), before.stripe(), before.jwks(), before.securityEvents()));
        assertThat(intended.profiles()).containsEntry("staging", CONFIG.profiles().get("staging")).hasSize(2);
        assertThat(intended.review()).isEqualTo(CONFIG.review());
        assertThat(intended.operators()).isEqualTo(CONFIG.operators());
        assertThat(intended).isNotEqualTo(CONFIG);
    }

    @Test
    void clearingTrustAndKeepingTheUrlOfStripeKeepsItsListsAndVersion() {
        GatehouseConfig intended = new ConnectionEdit(URI.create("https://api.stripe.com"), null, List.of())
                .appliedTo(CONFIG, "stripe");

        ConnectionProfile.Stripe stripe = intended.activeProfile().stripe();
        assertThat(stripe.allowLists()).containsEntry("email", "rsl_1");
        assertThat(stripe.apiVersion()).isEqualTo("2024-06-20");
        assertThat(stripe.url()).hasToString("https://api.stripe.com");
        assertThat(intended.activeProfile().caseApi()).isEqualTo(CONFIG.activeProfile().caseApi());
    }

    @Test
    void aConnectionTheConsoleDoesNotEditIsRefused() {
        assertThatThrownBy(() -> new ConnectionEdit(URI.create("https://x.example"), null, List.of())
                .appliedTo(CONFIG, "jwks")).isInstanceOf(IllegalArgumentException.class);
    }
}
