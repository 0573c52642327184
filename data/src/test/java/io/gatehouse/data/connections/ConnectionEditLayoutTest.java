package io.gatehouse.data.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.audit.AuditEntry;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.config.ConfigChangeAudit;
import io.gatehouse.data.config.ConfigException;
import io.gatehouse.data.config.ConfigLoader;
import io.gatehouse.data.config.GatehouseConfig;
import io.gatehouse.data.files.SafeFileWriter;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.TestCertificates;
import io.gatehouse.data.testing.TestOperators;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An edit from the console changes the edited values in the file's text and nothing else. */
class ConnectionEditLayoutTest {
    static final String PIN_A = "sha256/" + "A".repeat(43) + "=";
    static final String PIN_B = "sha256/" + "B".repeat(43) + "=";

    static final String COMMENTED = """
            # Gatehouse at the Berlin desk \uD83D\uDD12 (owner-only file)
            operator: alice   # the person at this desk
            operators:
              - {id: alice, name: Alice, roles: [lead]}

            profile: production
            profiles:
              staging:
                # staging mirrors production
                caseApi: {url: "https://staging.example.com/v1", apiKeySecret: staging-key}
              production:
                # the merchant backend: ask ops before changing it
                caseApi:
                  url: https://cases.example.com/v1   # since March
                  apiKeySecret: case-api-key
                  # the CA arrives with the next rotation

                prometheus:
                    url: http://127.0.0.1:9090    # local scrape
            # review settings below
            review: {source: caseApi}
            """;

    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private LocalStore store;
    private AuditLog log;
    private LocalOperatorSession session;
    private final List<String> rebuilt = new ArrayList<>();
    private Path config;
    private ConnectionSettings settings;

    @BeforeEach
    void open() throws Exception {
        store = LocalStore.open(tmp.resolve("data"));
        session = TestOperators.lead(clock);
        log = new AuditLog(store, session, clock);
        config = tmp.resolve("config.yaml");
        Files.writeString(tmp.resolve("ca.pem"), TestCertificates.selfSignedPem());
        settings = new ConnectionSettings(config, new ConfigLoader(), new SafeFileWriter(),
                new ConfigChangeAudit(store, log, clock), log, session, Optional::empty, rebuilt::add);
        session.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void commentsAboveBesideAndBelowTheEditedConnectionSurviveAndTheRestIsByteIdentical() throws Exception {
        Files.writeString(config, COMMENTED);

        GatehouseConfig after = settings.edit("caseApi", new ConnectionEdit(URI.create("https://cases2.example.com/v1"),
                "ca.pem", List.of(PIN_A, PIN_B)));

        assertThat(Files.readString(config)).isEqualTo(COMMENTED.replace("""
                      url: https://cases.example.com/v1   # since March
                      apiKeySecret: case-api-key
                """, """
                      url: https://cases2.example.com/v1   # since March
                      apiKeySecret: case-api-key
                      caBundle: ca.pem
                      pins:
                        - %s
                        - %s
                """.formatted(PIN_A, PIN_B)));
        assertThat(after.activeProfile().caseApi().security().pins()).containsExactly(PIN_A, PIN_B);
        assertThat(rebuilt).containsExactly("caseApi");
    }

    @Test
    void aNewKeyTakesTheIndentationOfItsConnection() throws Exception {
        Files.writeString(config, COMMENTED);

        settings.edit("prometheus", new ConnectionEdit(URI.create("https://metrics.example.com"), "ca.pem",
                List.of(PIN_A)));

        assertThat(Files.readString(config)).isEqualTo(COMMENTED.replace("""
                        url: http://127.0.0.1:9090    # local scrape
                """, """
                        url: https://metrics.example.com    # local scrape
                        caBundle: ca.pem
                        pins:
                            - %s
                """.formatted(PIN_A)));
    }

    @Test
    void clearingOptionalKeysRemovesTheirLinesOnly() throws Exception {
        String withTrust = COMMENTED.replace("""
                      apiKeySecret: case-api-key
                """, """
                      apiKeySecret: case-api-key
                      caBundle: ca.pem   # from the platform team
                      pins:
                      - %s    # current key
                      - %s    # next key
                """.formatted(PIN_A, PIN_B));
        Files.writeString(config, withTrust);

        settings.edit("caseApi", new ConnectionEdit(URI.create("https://cases.example.com/v1"), null, List.of()));

        assertThat(Files.readString(config)).isEqualTo(COMMENTED);
    }

    @Test
    void anUnchangedListKeepsItsCommentsAndAChangedOneKeepsItsStyle() throws Exception {
        String withPins = COMMENTED.replace("""
                      apiKeySecret: case-api-key
                """, """
                      apiKeySecret: case-api-key
                      pins:
                      - '%s'    # current key
                """.formatted(PIN_A));
        Files.writeString(config, withPins);

        settings.edit("caseApi", new ConnectionEdit(URI.create("https://cases3.example.com/v1"), null, List.of(PIN_A)));
        assertThat(Files.readString(config)).isEqualTo(withPins.replace("cases.example", "cases3.example"));

        settings.edit("caseApi", new ConnectionEdit(URI.create("https://cases3.example.com/v1"), null,
                List.of(PIN_B, PIN_A)));
        assertThat(Files.readString(config)).contains("""
                      pins:
                      - '%s'
                      - '%s'    # current key
                """.formatted(PIN_B, PIN_A));
        assertThat(new ConfigLoader().load(config).activeProfile().caseApi().pins()).containsExactly(PIN_B, PIN_A);
    }

    @Test
    void rotatingPinsKeepsTheLineAndCommentOfThePinThatStays() throws Exception {
        String pinC = "sha256/" + "C".repeat(43) + "=";
        String withPins = COMMENTED.replace("""
                      apiKeySecret: case-api-key
                """, """
                      apiKeySecret: case-api-key
                      pins:
                        - %s   # current key, retires in May
                        # the next key is already deployed on the standby
                        - %s   # next key
                """.formatted(PIN_A, PIN_B));
        Files.writeString(config, withPins);

        settings.edit("caseApi", new ConnectionEdit(URI.create("https://cases.example.com/v1"), null,
                List.of(PIN_B, pinC)));

        assertThat(Files.readString(config)).isEqualTo(COMMENTED.replace("""
                      apiKeySecret: case-api-key
                """, """
                      apiKeySecret: case-api-key
                      pins:
                        - %s   # next key
                        - %s
                """.formatted(PIN_B, pinC)));
    }

    @Test
    void aStripeAccountOnStripesDefaultUrlGainsAUrlKey() throws Exception {
        String stripe = """
                operator: alice
                operators: [{id: alice, name: Alice, roles: [lead]}]
                profile: production
                profiles:
                  production:
                    stripe:
                      apiKeySecret: stripe-key   # restricted key, read and write on Radar
                      apiVersion: 2024-06-20
                review: {source: stripe}
                """;
        Files.writeString(config, stripe);

        GatehouseConfig after = settings.edit("stripe", new ConnectionEdit(URI.create("https://stripe-double.example.com"),
                null, List.of()));

        assertThat(Files.readString(config)).isEqualTo(stripe.replace("""
                      apiVersion: 2024-06-20
                """, """
                      apiVersion: 2024-06-20
                      url: https://stripe-double.example.com
                """));
        assertThat(after.activeProfile().stripe().apiVersion()).isEqualTo("2024-06-20");
        assertThat(rebuilt).containsExactly("stripe");
    }

    @Test
    void aFlowStyleConnectionGainsAndLosesKeysInFlowStyle() throws Exception {
        String flow = """
                operator: alice
                operators: [{id: alice, name: Alice, roles: [lead]}]
                profile: production
                profiles:
                  production:
                    caseApi: {url: https://cases.example.com/v1, apiKeySecret: case-api-key}  # one line
                    prometheus: {url: http://127.0.0.1:9090}
                review: {source: caseApi}
                """;
        Files.writeString(config, flow);

        settings.edit("caseApi", new ConnectionEdit(URI.create("https://cases.example.com/v2"), "ca.pem",
                List.of(PIN_A, PIN_B)));
        assertThat(Files.readString(config)).isEqualTo(flow.replace(
                "{url: https://cases.example.com/v1, apiKeySecret: case-api-key}",
                "{url: https://cases.example.com/v2, apiKeySecret: case-api-key, caBundle: ca.pem, pins: [%s, %s]}"
                        .formatted(PIN_A, PIN_B)));

        settings.edit("caseApi", new ConnectionEdit(URI.create("https://cases.example.com/v1"), null, List.of()));
        assertThat(Files.readString(config)).isEqualTo(flow);
    }

    @Test
    void valuesWithHashesAndColonsAreQuotedSoTheyReadBackExactly() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("certs"));
        Files.writeString(folder.resolve("ca #2: prod.pem"), TestCertificates.selfSignedPem());
        Files.writeString(folder.resolve("ca,[1].pem"), TestCertificates.selfSignedPem());
        Files.writeString(config, COMMENTED);

        settings.edit("caseApi", new ConnectionEdit(URI.create("https://cases.example.com/v1?tenant=a:b#queue"),
                "certs/ca #2: prod.pem", List.of()));
        String text = Files.readString(config);
        assertThat(text).contains("  url: https://cases.example.com/v1?tenant=a:b#queue   # since March\n")
                .contains("  caBundle: 'certs/ca #2: prod.pem'\n");
        GatehouseConfig loaded = new ConfigLoader().load(config);
        assertThat(loaded.activeProfile().caseApi().url()).hasToString("https://cases.example.com/v1?tenant=a:b#queue");
        assertThat(loaded.activeProfile().caseApi().caBundle()).isEqualTo("certs/ca #2: prod.pem");

        Files.writeString(config, COMMENTED.replace("production:\n", "production-old:\n").replace("staging", "production"));
        settings.edit("caseApi", new ConnectionEdit(URI.create("https://staging.example.com/v1"), "certs/ca,[1].pem",
                List.of()));
        assertThat(Files.readString(config)).contains(
                "caseApi: {url: \"https://staging.example.com/v1\", apiKeySecret: production-key, caBundle: 'certs/ca,[1].pem'}");
        assertThat(new ConfigLoader().load(config).activeProfile().caseApi().caBundle()).isEqualTo("certs/ca,[1].pem");
    }

    @Test
    void aJsonConfigurationStaysJson() throws Exception {
        String json = """
                {
                  "operator": "alice",
                  "operators": [{"id": "alice", "name": "Alice", "roles": ["lead"]}],
                  "profile": "production",
                  "profiles": {
                    "production": {
                      "caseApi": {
                        "url": "https://cases.example.com/v1",
                        "apiKeySecret": "case-api-key"
                      }
                    }
                  },
                  "review": {"source": "caseApi"}
                }
                """;
        Files.writeString(config, json);

        settings.edit("caseApi", new ConnectionEdit(URI.create("https://cases.example.com/v2"), "ca.pem", List.of(PIN_A)));

        String text = Files.readString(config);
        assertThat(text).isEqualTo(json.replace("""
                        "url": "https://cases.example.com/v1",
                        "apiKeySecret": "case-api-key"
                """, """
                        "url": "https://cases.example.com/v2",
                        "apiKeySecret": "case-api-key",
                        "caBundle": "ca.pem",
                        "pins": ["%s"]
                """.formatted(PIN_A)));
        assertThat(new JsonMapper().readTree(text).at("/profiles/production/caseApi/pins/0").asText()).isEqualTo(PIN_A);
    }

    @Test
    void aRefusedValueLeavesTheFileByteIdenticalAndIsNotAudited() throws Exception {
        byte[] original = (COMMENTED + "# last line without a newline").getBytes(StandardCharsets.UTF_8);
        Files.write(config, original);
        long entries = log.find(AuditQuery.latest(100)).size();

        assertThatThrownBy(() -> settings.edit("caseApi", new ConnectionEdit(URI.create("https://cases.example.com/v1"),
                null, List.of(PIN_A, "not-a-pin")))).isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.getMessage()).contains("SHA-256");
                    assertThat(e.line()).isEqualTo(18);
                });
        assertThatThrownBy(() -> settings.edit("caseApi", new ConnectionEdit(URI.create("http://cases.example.com/v1"),
                "ca.pem", List.of()))).isInstanceOf(ConfigException.class);

        assertThat(Files.readAllBytes(config)).isEqualTo(original);
        assertThat(log.find(AuditQuery.latest(100))).hasSize((int) entries);
        assertThat(rebuilt).isEmpty();
    }

    @Test
    void theAuditEntryHoldsBeforeAndAfterOfTheEditedValues() throws Exception {
        Files.writeString(config, COMMENTED);
        settings.edit("caseApi", new ConnectionEdit(URI.create("https://cases.example.com/v1"), null, List.of()));

        settings.edit("caseApi", new ConnectionEdit(URI.create("https://cases2.example.com/v1"), "ca.pem", List.of()));

        AuditEntry change = log.find(AuditQuery.latest(1)).getFirst();
        assertThat(change.action()).isEqualTo("config.changed");
        assertThat(change.details())
                .containsEntry("before:profiles.production.caseApi.url", "https://cases.example.com/v1")
                .containsEntry("after:profiles.production.caseApi.url", "https://cases2.example.com/v1")
                .containsEntry("after:profiles.production.caseApi.caBundle", "ca.pem");
    }

    @Test
    void aFileWithAnchorsOrAliasesIsRefusedAndKeptAsItWas() throws Exception {
        // the loader refuses anchors and aliases (its reader would take *key for the text "key"), so an edit
        // never starts from such a file, and never writes one
        String anchored = """
                operator: alice
                operators: [{id: alice, name: Alice, roles: [lead]}]
                profile: production
                profiles:
                  staging:
                    caseApi: {url: https://staging.example.com/v1, apiKeySecret: &key case-api-key}
                  production:
                    caseApi:
                      url: https://cases.example.com/v1
                      apiKeySecret: *key
                review: {source: caseApi}
                """;
        Files.writeString(config, anchored);

        assertThatThrownBy(() -> settings.edit("caseApi", new ConnectionEdit(URI.create("https://cases.example.com/v2"),
                null, List.of()))).hasMessageContaining("YAML anchor (&name) is not accepted");
        assertThat(Files.readString(config)).isEqualTo(anchored);
    }
}
