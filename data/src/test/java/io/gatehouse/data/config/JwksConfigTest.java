package io.gatehouse.data.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JWKS registry and the token's unattended PIN in a profile: names of secrets only, URLs checked strictly. */
class JwksConfigTest {
    @TempDir
    Path tmp;

    private static final String BASE = """
            operator: kim
            operators:
              - id: kim
                name: Kim Custodian
                roles: [key-custodian]
            profile: shop
            profiles:
              shop:
                prometheus:
                  url: https://metrics.example.com/
                token:
                  module: /usr/lib/softhsm/libsofthsm2.so
                  label: shop-keys
                  pinSecret: shop-keys-pin
                jwks:
                  url: https://keys.example.com/registry/
                  adminTokenSecret: jwks-admin
            """;

    private GatehouseConfig load(String yaml) throws Exception {
        Path file = tmp.resolve("config.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader().load(file);
    }

    @Test
    void loadsTheRegistryAndThePinSecretByName() throws Exception {
        ConnectionProfile profile = load(BASE).activeProfile();
        assertThat(profile.jwks().url()).isEqualTo(URI.create("https://keys.example.com/registry/"));
        assertThat(profile.jwks().adminTokenSecret()).isEqualTo("jwks-admin");
        assertThat(profile.token().pinSecret()).isEqualTo("shop-keys-pin");
        assertThat(load(BASE.replace("      pinSecret: shop-keys-pin\n", "")).activeProfile().token().pinSecret()).isNull();
        assertThat(load(BASE.replace("https://keys.example.com/registry/", "http://127.0.0.1:8443/"))
                .activeProfile().jwks().url().getPort()).isEqualTo(8443);
    }

    @Test
    void refusesPlainHttpAMissingOrInlineTokenAndBadNames() {
        assertThatThrownBy(() -> load(BASE.replace("https://keys.example.com/registry/", "http://keys.example.com/")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("plain http is allowed only to this machine")
                .satisfies(e -> assertThat(((ConfigException) e).line()).isIn(15, 16));
        assertThatThrownBy(() -> load(BASE.replace("      adminTokenSecret: jwks-admin\n", "")))
                .hasMessageContaining("'adminTokenSecret' is missing");
        assertThatThrownBy(() -> load(BASE.replace("adminTokenSecret: jwks-admin", "adminToken: s3cr3t-bearer")))
                .hasMessageContaining("unknown key 'adminToken'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-bearer"));
        assertThatThrownBy(() -> load(BASE.replace("adminTokenSecret: jwks-admin", "adminTokenSecret: Jwks Admin")))
                .hasMessageContaining("is not a secret name");
        assertThatThrownBy(() -> load(BASE.replace("pinSecret: shop-keys-pin", "pinSecret: '1234 5678'")))
                .hasMessageContaining("is not a secret name");
        assertThatThrownBy(() -> load(BASE.replace("https://keys.example.com/registry/", "ftp://keys.example.com/")))
                .hasMessageContaining("use https");
    }
}
