package io.gatehouse.data.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.operator.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    @TempDir
    Path tmp;

    private final ConfigLoader loader = new ConfigLoader();

    static final String VALID = """
            operator: alice
            operators:
              - id: alice
                name: Alice Analyst
                roles: [analyst, lead]
              - id: kim
                name: Kim Custodian
                roles: [key-custodian]
            profile: production
            profiles:
              sandbox:
                sandbox:
                  seed: 7
                  speed: 60
              production:
                caseApi:
                  url: https://cases.example.com/v1
                  apiKeySecret: case-api-key
                prometheus:
                  url: https://prometheus.example.com
                  regionLabel: checkout_region
                token:
                  module: /usr/lib/softhsm/libsofthsm2.so
                  label: gatehouse-signing
            """;

    private Path write(String yaml) throws Exception {
        Path file = tmp.resolve("config.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private ConfigException refusal(String yaml) throws Exception {
        Path file = write(yaml);
        try {
            loader.load(file);
        } catch (ConfigException e) {
            assertThat(e.kind()).isEqualTo(FailureKind.CONFIGURATION);
            assertThat(e.getMessage()).startsWith(file.toString());
            return e;
        }
        throw new AssertionError("configuration was accepted:\n" + yaml);
    }

    @Test
    void loadsAValidConfiguration() throws Exception {
        GatehouseConfig config = loader.load(write(VALID));
        assertThat(config.operator()).isEqualTo("alice");
        assertThat(config.findOperator("alice").orElseThrow().toOperator().roles()).containsExactlyInAnyOrder(Role.ANALYST, Role.LEAD);
        assertThat(config.activeProfile().caseApi().apiKeySecret()).isEqualTo("case-api-key");
        assertThat(config.activeProfile().prometheus().regionLabelOrDefault()).isEqualTo("checkout_region");
        assertThat(config.sandboxActive()).isFalse();
        assertThat(config.profiles().get("sandbox").sandbox().seedOrDefault()).isEqualTo(7);
    }

    @Test
    void withoutAFileTheDefaultIsTheSandboxOperatedByTheLocalUser() {
        GatehouseConfig config = loader.loadOrDefault(tmp.resolve("missing.yaml"), "Jane Doe");
        assertThat(config.sandboxActive()).isTrue();
        assertThat(config.operator()).isEqualTo("jane-doe");
        assertThat(config.findOperator("jane-doe").orElseThrow().roles()).containsExactlyInAnyOrder(Role.values());
    }

    @Test
    void refusesAnUnknownKeyWithLineColumnAndTheKnownKeys() throws Exception {
        ConfigException e = refusal(VALID.replace("      apiKeySecret: case-api-key", "      apiKey: sk_live_123"));
        assertThat(e.line()).isEqualTo(18);
        assertThat(e.column()).isEqualTo(7);
        assertThat(e.getMessage()).contains("unknown key 'apiKey'").contains("apiKeySecret, caBundle, clientCertificate, pins, url")
                .contains("Secrets never go in this file");
    }

    @Test
    void refusesAnchorsAndAliasesWhichWouldOtherwiseReadAsPlainText() throws Exception {
        ConfigException alias = refusal(VALID.replace("      apiKeySecret: case-api-key", "      apiKeySecret: *key"));
        assertThat(alias.getMessage()).contains("a YAML alias (*name) is not accepted");
        assertThat(alias.line()).isEqualTo(18);
        assertThat(alias.column()).isEqualTo(21);
        ConfigException anchor = refusal(VALID.replace("      apiKeySecret: case-api-key", "      apiKeySecret: &key case-api-key"));
        assertThat(anchor.getMessage()).contains("a YAML anchor (&name) is not accepted");
        assertThat(anchor.line()).isEqualTo(18);
    }

    @Test
    void refusesAWrongTypeWithLineAndColumn() throws Exception {
        ConfigException e = refusal(VALID.replace("speed: 60", "speed: fast"));
        assertThat(e.line()).isEqualTo(14);
        assertThat(e.getMessage()).contains("speed");
    }

    @Test
    void refusesAQuotedNumber() throws Exception {
        ConfigException e = refusal(VALID.replace("seed: 7", "seed: '7'"));
        assertThat(e.line()).isEqualTo(13);
    }

    @Test
    void refusesAListWhereASectionBelongs() throws Exception {
        ConfigException e = refusal(VALID.replace("    caseApi:\n", "    caseApi: [a, b]\n    ignored:\n"));
        assertThat(e.line()).isEqualTo(16);
    }

    @Test
    void refusesInvalidYamlWithLineAndColumn() throws Exception {
        ConfigException e = refusal("operator: alice\noperators: [\n  - id: x\n");
        assertThat(e.line()).isGreaterThan(0);
        assertThat(e.getMessage()).contains("not valid YAML");
    }

    @Test
    void refusesDuplicateKeys() throws Exception {
        ConfigException e = refusal(VALID.replace("profile: production", "profile: production\nprofile: sandbox"));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.getMessage()).contains("profile");
    }

    @Test
    void refusesAnUnknownRoleAndNamesTheRoles() throws Exception {
        ConfigException e = refusal(VALID.replace("[key-custodian]", "[custodian]"));
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.getMessage()).contains("custodian").contains("key-custodian, executive-viewer");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "operator not listed | operator: alice | operator: bob | 1 | not listed",
        "profile not defined | profile: production | profile: staging | 9 | not defined",
        "plain http to a remote host | url: https://cases.example.com/v1 | url: http://cases.example.com/v1 | 17 | only to this machine",
        "credentials in a url | url: https://prometheus.example.com | url: https://u:p@prometheus.example.com | 20 | user name or password",
        "bad label name | regionLabel: checkout_region | regionLabel: 9region | 21 | label name",
        "speed out of range | speed: 60 | speed: 0 | 14 | speed",
        "duplicate operator id | - id: kim | - id: alice | 6 | listed twice",
        "bad secret name | apiKeySecret: case-api-key | apiKeySecret: Case Key! | 18 | not a secret name",
    })
    void refusesBrokenReferencesAndValuesWithTheirLine(String name, String from, String to, int line, String text) throws Exception {
        ConfigException e = refusal(VALID.replace(from, to));
        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.getMessage()).contains(text);
    }

    @Test
    void plainHttpToLoopbackIsAllowed() throws Exception {
        GatehouseConfig config = loader.load(write(VALID.replace("https://cases.example.com/v1", "http://127.0.0.1:8080/v1")));
        assertThat(config.activeProfile().caseApi().url().getPort()).isEqualTo(8080);
    }

    @Test
    void refusesMissingSections() throws Exception {
        assertThat(refusal("operator: a\n").getMessage()).contains("operators");
        assertThat(refusal("# nothing here\n").getMessage()).contains("empty");
    }

    @Test
    void refusesAHostileSize() throws Exception {
        Path file = tmp.resolve("config.yaml");
        Files.writeString(file, "# " + "x".repeat(300_000));
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigException.class).hasMessageContaining("at most");
    }

    @Test
    void refusesABillionLaughs() throws Exception {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            yaml.append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
        }
        assertThatThrownBy(() -> loader.load(write(yaml.toString()))).isInstanceOf(ConfigException.class);
    }

    @Test
    void refusesBytesThatAreNotUtf8() throws Exception {
        Path file = tmp.resolve("config.yaml");
        Files.write(file, new byte[] {'o', 'p', ':', ' ', (byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void defaultDirectoriesFollowXdg() {
        Path home = Path.of("/home/jane");
        AppDirectories dirs = AppDirectories.of(Map.of("XDG_DATA_HOME", "/srv/data", "XDG_CONFIG_HOME", "relative/ignored"),
                "Linux", home);
        assertThat(dirs.dataDirectory()).isEqualTo(Path.of("/srv/data/gatehouse"));
        assertThat(dirs.configFile()).isEqualTo(Path.of("/home/jane/.config/gatehouse/config.yaml"));
        assertThat(AppDirectories.of(Map.of(), "Mac OS X", home).dataDirectory())
                .isEqualTo(Path.of("/home/jane/Library/Application Support/Gatehouse/data"));
    }

    @Test
    void reviewRulesAreReadFromTheReviewSectionOrDefaulted() throws Exception {
        GatehouseConfig config = loader.load(write(VALID + """
                review:
                  undoMinutes: 5
                  slaMinutes: 45
                  fourEyesThresholds: {EUR: 20000, JPY: 30000}
                """));
        io.gatehouse.data.review.ReviewRules rules = config.reviewRules();
        assertThat(rules.undoWindow()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(rules.slaTarget()).isEqualTo(java.time.Duration.ofMinutes(45));
        assertThat(rules.fourEyes().thresholds()).containsEntry("EUR", 20_000L).containsEntry("JPY", 30_000L);
        assertThat(loader.load(write(VALID)).reviewRules()).isEqualTo(io.gatehouse.data.review.ReviewRules.defaults());
    }

    @Test
    void badReviewRulesAreRefusedWithTheirLine() throws Exception {
        ConfigException currency = refusal(VALID + """
                review:
                  fourEyesThresholds: {eur: 20000}
                """);
        assertThat(currency.getMessage()).contains("ISO 4217");
        assertThat(currency.line()).isEqualTo(VALID.lines().count() + 2);
        assertThat(refusal(VALID + "review: {fourEyesThresholds: {EUR: 20.5}}\n").getMessage()).contains("EUR");
        assertThat(refusal(VALID + "review: {undoMinutes: -1}\n").getMessage()).contains("undoMinutes");
        assertThat(refusal(VALID + "review: {slaMinutes: 0}\n").getMessage()).contains("slaMinutes");
    }

    @Test
    void clientCertificatesAreEitherOnATokenOrInAPkcs12FileAndRefusedWithTheirPlace() throws Exception {
        String token = VALID.replace("      apiKeySecret: case-api-key", "      apiKeySecret: case-api-key\n"
                + "      clientCertificate: {token: ops-card, key: case-api-client, module: /usr/lib/softhsm/libsofthsm2.so}");
        ClientCertificate cert = loader.load(write(token)).activeProfile().caseApi().clientCertificate();
        assertThat(cert.tokenHeld()).isTrue();
        assertThat(cert.key()).isEqualTo("case-api-client");

        ConfigException mixed = refusal(token.replace("module: /usr/lib/softhsm/libsofthsm2.so}",
                "module: /usr/lib/softhsm/libsofthsm2.so, pkcs12: dev.p12}"));
        assertThat(mixed.getMessage()).contains("exactly one of the two");
        assertThat(mixed.line()).isEqualTo(19);
        assertThat(mixed.column()).isPositive();
        assertThat(refusal(token.replace("key: case-api-client, ", "")).getMessage()).contains("'key' is missing");
        assertThat(refusal(token.replace("clientCertificate: {", "clientCertificate: {pin: 1234, ")).getMessage())
                .contains("unknown key 'pin'").contains("Secrets never go in this file");
        assertThat(refusal(VALID.replace("      apiKeySecret: case-api-key", "      apiKeySecret: case-api-key\n"
                + "      clientCertificate: {pkcs12: absent.p12, passwordSecret: dev-p12}")).getMessage())
                .contains("absent.p12 does not exist");
        assertThat(refusal(VALID.replace("url: https://cases.example.com/v1", "url: http://127.0.0.1:8080/v1\n"
                + "      pins: [\"" + "A".repeat(43) + "=\"]")).getMessage()).contains("apply to TLS only");
    }
}
