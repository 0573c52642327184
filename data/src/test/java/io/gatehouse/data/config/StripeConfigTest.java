package io.gatehouse.data.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strict configuration of a Stripe fraud queue: the key by name only, list ids checked, the source explicit. */
class StripeConfigTest {
    @TempDir
    Path tmp;

    private static final String BASE = """
            operator: alice
            operators:
              - id: alice
                name: Alice Analyst
                roles: [analyst]
            profile: shop
            profiles:
              shop:
                stripe:
                  apiKeySecret: stripe-live
                  apiVersion: 2024-06-20
                  allowLists: {card_fingerprint: rsl_1AllowCards, email: rsl_1AllowEmails}
                  blockLists: {ip_address: rsl_1BlockIps}
            review:
              source: stripe
            """;

    private GatehouseConfig load(String yaml) throws Exception {
        Path file = tmp.resolve("config.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader().load(file);
    }

    @Test
    void loadsAStripeProfileSelectedByReviewSource() throws Exception {
        GatehouseConfig config = load(BASE);
        assertThat(config.reviewSource()).isEqualTo(ReviewSource.STRIPE);
        ConnectionProfile.Stripe stripe = config.activeProfile().stripe();
        assertThat(stripe.apiKeySecret()).isEqualTo("stripe-live");
        assertThat(stripe.url()).isNull();
        assertThat(stripe.allowLists()).containsEntry("email", "rsl_1AllowEmails");
        assertThat(stripe.blockLists()).containsEntry("ip_address", "rsl_1BlockIps");
        assertThat(config.sandboxActive()).isFalse();
        assertThat(load(BASE.replace("    stripe:\n", "    stripe:\n      url: http://127.0.0.1:12111\n"))
                .activeProfile().stripe().url()).isEqualTo(URI.create("http://127.0.0.1:12111"));
    }

    @Test
    void theKeyItselfIsRefusedWithTheSecretsHint() {
        assertThatThrownBy(() -> load(BASE.replace("apiKeySecret: stripe-live", "apiKey: sk_live_abc")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'apiKey'").hasMessageContaining("Secrets never go in this file")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sk_live_abc"));
        assertThatThrownBy(() -> load(BASE.replace("      apiKeySecret: stripe-live\n", "")))
                .hasMessageContaining("'apiKeySecret' is missing");
    }

    @Test
    void refusesBadListsVersionsUrlsAndSources() {
        assertThatThrownBy(() -> load(BASE.replace("rsl_1BlockIps", "blocked-ips")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.line()).isEqualTo(13))
                .hasMessageContaining("rsl_");
        assertThatThrownBy(() -> load(BASE.replace("ip_address: rsl_1BlockIps", "phone: rsl_1BlockIps")))
                .hasMessageContaining("'phone' is not a list type");
        assertThatThrownBy(() -> load(BASE.replace("2024-06-20", "latest"))).hasMessageContaining("Stripe API version");
        assertThatThrownBy(() -> load(BASE.replace("    stripe:\n", "    stripe:\n      url: http://stripe.example.com\n")))
                .hasMessageContaining("plain http is allowed only to this machine");
        assertThatThrownBy(() -> load(BASE.replace("source: stripe", "source: radar")))
                .hasMessageContaining("'radar' is not a fraud queue source").hasMessageContaining("caseApi, stripe, sandbox");
        assertThatThrownBy(() -> load(BASE.replace("source: stripe", "source: caseApi")))
                .hasMessageContaining("profile 'shop' has no 'caseApi' section");
        assertThatThrownBy(() -> load(BASE.replace("review:\n  source: stripe\n", "")))
                .hasMessageContaining("'review.source' does not say which fraud queue to use");
    }
}
