package io.gatehouse.data.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The security event stream's configuration: the secret by name only, the scheme from a closed list. */
class SecurityEventsConfigTest {
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
                sandbox: {seed: 7}
                securityEvents:
                  url: https://backend.example.com/v1/security-events/stream
                  scheme: adyen
                  signingSecret: events-hmac
            """;

    private GatehouseConfig load(String yaml) throws Exception {
        Path file = tmp.resolve("config.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader().load(file);
    }

    @Test
    void loadsAConfiguredStreamAndTheSandboxDefault() throws Exception {
        ConnectionProfile.SecurityEvents events = load(BASE).activeProfile().securityEvents();
        assertThat(events.url()).isEqualTo(URI.create("https://backend.example.com/v1/security-events/stream"));
        assertThat(events.schemeOrDefault()).isEqualTo("adyen");
        assertThat(events.signingSecret()).isEqualTo("events-hmac");
        String sandboxOnly = BASE.replace("      url: https://backend.example.com/v1/security-events/stream\n", "")
                .replace("      signingSecret: events-hmac\n", "").replace("scheme: adyen", "scheme: shopify");
        assertThat(load(sandboxOnly).activeProfile().securityEvents().url()).isNull();
        assertThat(load(BASE.replace("      scheme: adyen\n", "")).activeProfile().securityEvents().schemeOrDefault())
                .isEqualTo("stripe");
    }

    @Test
    void refusesUnknownSchemesMissingSecretsAndTheSecretItself() {
        assertThatThrownBy(() -> load(BASE.replace("scheme: adyen", "scheme: paypal")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.line()).isEqualTo(12))
                .hasMessageContaining("'paypal' is not a signature scheme; use one of stripe, adyen, shopify");
        assertThatThrownBy(() -> load(BASE.replace("      signingSecret: events-hmac\n", "")))
                .hasMessageContaining("'signingSecret' is missing");
        assertThatThrownBy(() -> load(BASE.replace("signingSecret: events-hmac", "signingSecret: Whsec_ABC!")))
                .hasMessageContaining("is not a secret name");
        assertThatThrownBy(() -> load(BASE.replace("signingSecret: events-hmac", "secret: whsec_live_abc")))
                .hasMessageContaining("unknown key 'secret'").hasMessageContaining("Secrets never go in this file")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("whsec_live_abc"));
        assertThatThrownBy(() -> load(BASE.replace("https://backend.example.com", "http://backend.example.com")))
                .hasMessageContaining("plain http is allowed only to this machine");
        assertThatThrownBy(() -> load(BASE.replace("    sandbox: {seed: 7}\n", "    prometheus: {url: 'http://127.0.0.1:9090'}\n")
                .replace("      url: https://backend.example.com/v1/security-events/stream\n", "")))
                .hasMessageContaining("'url' is missing");
        assertThatThrownBy(() -> load(BASE.replace("      url: https://backend.example.com/v1/security-events/stream\n", "")))
                .hasMessageContaining("the sandbox signs its stream with its own secret");
    }
}
