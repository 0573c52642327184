package io.gatehouse.data.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.audit.AuditEntry;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.config.ConfigChangeAudit;
import io.gatehouse.data.config.ConfigException;
import io.gatehouse.data.config.ConfigLoader;
import io.gatehouse.data.config.GatehouseConfig;
import io.gatehouse.data.files.SafeFileWriter;
import io.gatehouse.data.health.ConnectionKind;
import io.gatehouse.data.operator.FreshProofRequiredException;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.secrets.KdfParameters;
import io.gatehouse.data.secrets.PassphraseSecretStore;
import io.gatehouse.data.secrets.SecretStore;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.TestOperators;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionSettingsTest {
    static final String CONFIG = """
            operator: alice
            operators:
              - {id: alice, name: Alice, roles: [lead]}
            profile: production
            profiles:
              production:
                caseApi:
                  url: https://cases.example.com/v1
                  apiKeySecret: case-api-key
                prometheus:
                  url: http://127.0.0.1:9090
            review: {source: caseApi}
            """;
    static final String PIN = "sha256/" + "A".repeat(43) + "=";

    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private LocalStore store;
    private AuditLog log;
    private LocalOperatorSession session;
    private PassphraseSecretStore secrets;
    private final List<String> rebuilt = new ArrayList<>();
    private Path config;
    private ConnectionSettings settings;

    @BeforeEach
    void open() throws Exception {
        store = LocalStore.open(tmp.resolve("data"));
        session = TestOperators.lead(clock);
        log = new AuditLog(store, session, clock);
        secrets = PassphraseSecretStore.create(tmp.resolve("data/secrets.json"), "pass".toCharArray(),
                new KdfParameters(1024, 1, 1, 16));
        config = tmp.resolve("config.yaml");
        Files.writeString(config, CONFIG);
        settings = new ConnectionSettings(config, new ConfigLoader(), new SafeFileWriter(),
                new ConfigChangeAudit(store, log, clock), log, session, () -> Optional.of(secrets), rebuilt::add);
    }

    @AfterEach
    void close() {
        secrets.close();
        store.close();
    }

    @Test
    void everyChangeNeedsAFreshProof() {
        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> settings.edit("caseApi", new ConnectionEdit(URI.create("https://other.example.com"),
                null, List.of()))).isInstanceOf(FreshProofRequiredException.class);
        char[] value = "sk_new".toCharArray();
        assertThatThrownBy(() -> settings.rotateSecret("caseApi", "case-api-key", value))
                .isInstanceOf(FreshProofRequiredException.class);
        assertThat(value).containsOnly('\0');
        assertThat(secrets.names()).isEmpty();
        assertThat(rebuilt).isEmpty();
    }

    @Test
    void anEditIsValidatedWrittenOwnerOnlyAuditedAndRebuildsTheClient() throws Exception {
        session.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
        Path bundle = tmp.resolve("ca.pem");
        Files.writeString(bundle, io.gatehouse.data.testing.TestCertificates.selfSignedPem());
        GatehouseConfig after = settings.edit("caseApi", new ConnectionEdit(URI.create("https://cases2.example.com/v1"),
                "ca.pem", List.of(PIN)));

        assertThat(after.activeProfile().caseApi().url()).hasToString("https://cases2.example.com/v1");
        assertThat(new ConfigLoader().load(config).activeProfile().caseApi().security().pins()).containsExactly(PIN);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        assertThat(rebuilt).containsExactly("caseApi");
        AuditEntry change = log.find(AuditQuery.latest(1)).getFirst();
        assertThat(change.action()).isEqualTo("config.recorded");
        settings.edit("caseApi", new ConnectionEdit(URI.create("https://cases3.example.com/v1"), "ca.pem", List.of(PIN)));
        change = log.find(AuditQuery.latest(1)).getFirst();
        assertThat(change.action()).isEqualTo("config.changed");
        assertThat(change.details()).containsEntry("before:profiles.production.caseApi.url", "https://cases2.example.com/v1")
                .containsEntry("after:profiles.production.caseApi.url", "https://cases3.example.com/v1");
    }

    @Test
    void aBadValueIsRefusedWithTheLoadersMessageAndTheFileIsUnchanged() throws Exception {
        session.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
        String before = Files.readString(config);
        assertThatThrownBy(() -> settings.edit("caseApi", new ConnectionEdit(URI.create("http://cases.example.com/v1"),
                null, List.of()))).isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.getMessage()).contains(config.toString()).contains("plain http is allowed only");
                    assertThat(e.line()).isPositive();
                    assertThat(e.column()).isPositive();
                });
        assertThatThrownBy(() -> settings.edit("caseApi", new ConnectionEdit(URI.create("https://cases.example.com/v1"),
                null, List.of("not-a-pin")))).isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.getMessage()).contains("SHA-256"));
        assertThatThrownBy(() -> settings.edit("caseApi", new ConnectionEdit(URI.create("https://cases.example.com/v1"),
                "missing.pem", List.of()))).isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.getMessage()).contains("does not exist"));
        assertThat(Files.readString(config)).isEqualTo(before);
        assertThat(rebuilt).isEmpty();
    }

    @Test
    void aRotatedSecretIsStoredAuditedByNameAndTheArrayWiped() {
        session.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
        secrets.put("case-api-key", "sk_old_value".toCharArray());
        char[] fresh = "sk_new_value".toCharArray();
        settings.rotateSecret("caseApi", "case-api-key", fresh);

        assertThat(fresh).containsOnly('\0');
        try (var secret = secrets.get("case-api-key").orElseThrow()) {
            assertThat(new String(secret.chars())).isEqualTo("sk_new_value");
        }
        AuditEntry entry = log.find(AuditQuery.latest(1)).getFirst();
        assertThat(entry.action()).isEqualTo("secret.rotated");
        assertThat(entry.subject()).isEqualTo("secret/case-api-key");
        assertThat(entry.details().toString()).doesNotContain("sk_");
        assertThat(rebuilt).containsExactly("caseApi");
    }

    @Test
    void entriesShowTransportTrustAndWhetherTheSecretIsStored() throws Exception {
        GatehouseConfig loaded = new ConfigLoader().load(config);
        List<ConnectionEntry> locked = ConnectionEntries.of(loaded, null, Optional::empty);
        assertThat(locked).extracting(ConnectionEntry::secretState).containsExactly(SecretState.LOCKED, SecretState.NONE);
        secrets.put("case-api-key", "x".toCharArray());
        List<ConnectionEntry> entries = ConnectionEntries.of(loaded, null, () -> Optional.<SecretStore>of(secrets));
        assertThat(entries).extracting(ConnectionEntry::name).containsExactly("caseApi", "prometheus");
        assertThat(entries).extracting(ConnectionEntry::transport).containsExactly(Transport.TLS, Transport.INSECURE_LOOPBACK);
        assertThat(entries).extracting(ConnectionEntry::kind).containsExactly(ConnectionKind.FRAUD_QUEUE, ConnectionKind.TELEMETRY);
        assertThat(entries.getFirst().secretState()).isEqualTo(SecretState.STORED);
        assertThat(entries.getFirst().systemTrustOnly()).isTrue();
    }
}
