package io.gatehouse.data.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.audit.AuditEntry;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.audit.VerifyProgress;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.TestOperators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigChangeAuditTest {
    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private LocalStore store;
    private AuditLog log;
    private ConfigChangeAudit audit;

    @BeforeEach
    void open() {
        store = LocalStore.open(tmp.resolve("data"));
        log = new AuditLog(store, TestOperators.lead(clock), clock);
        audit = new ConfigChangeAudit(store, log, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private GatehouseConfig load(String yaml) throws Exception {
        Path file = tmp.resolve("config.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader().load(file);
    }

    @Test
    void theFirstConfigurationIsRecordedThenOnlyChangesAreAudited() throws Exception {
        Path file = tmp.resolve("config.yaml");
        assertThat(audit.check(load(ConfigLoaderTest.VALID), file)).isEqualTo(ConfigChangeAudit.Outcome.RECORDED);
        assertThat(audit.check(load(ConfigLoaderTest.VALID), file)).isEqualTo(ConfigChangeAudit.Outcome.UNCHANGED);
        assertThat(audit.check(load(ConfigLoaderTest.VALID.replace("speed: 60", "speed: 120")
                .replace("regionLabel: checkout_region", "regionLabel: region")), file))
                .isEqualTo(ConfigChangeAudit.Outcome.CHANGED);

        List<AuditEntry> entries = log.find(AuditQuery.latest(10));
        assertThat(entries).extracting(AuditEntry::action).containsExactly("config.changed", "config.recorded");
        AuditEntry change = entries.getFirst();
        assertThat(change.details())
                .containsEntry("changed", "2")
                .containsEntry("before:profiles.sandbox.sandbox.speed", "60.0")
                .containsEntry("after:profiles.sandbox.sandbox.speed", "120.0")
                .containsEntry("before:profiles.production.prometheus.regionLabel", "checkout_region")
                .containsEntry("after:profiles.production.prometheus.regionLabel", "region")
                .containsEntry("source", file.toAbsolutePath().toString());
        assertThat(log.verify(VerifyProgress.NONE).intact()).isTrue();
    }

    @Test
    void addedAndRemovedSettingsAreNamedAsAbsentOnOneSide() throws Exception {
        audit.check(load(ConfigLoaderTest.VALID), null);
        audit.check(load(ConfigLoaderTest.VALID.replace(
                "    token:\n      module: /usr/lib/softhsm/libsofthsm2.so\n      label: gatehouse-signing\n", "")), null);
        AuditEntry change = log.find(AuditQuery.latest(1)).getFirst();
        assertThat(change.details())
                .containsEntry("before:profiles.production.token.label", "gatehouse-signing")
                .containsEntry("after:profiles.production.token.label", "(absent)");
    }

    @Test
    void credentialsInUrlsAreRedactedBeforeTheyReachTheLogOrTheSnapshot() throws Exception {
        String planted = "s3cr3t-Planted-0451";
        audit.check(load(ConfigLoaderTest.VALID), null);
        audit.check(load(ConfigLoaderTest.VALID.replace("https://prometheus.example.com",
                "https://prometheus.example.com/?access_token=" + planted + "&region=eu")), null);
        AuditEntry change = log.find(AuditQuery.latest(1)).getFirst();
        assertThat(change.details().toString()).doesNotContain(planted);
        assertThat(change.details()).containsEntry("after:profiles.production.prometheus.url",
                "https://prometheus.example.com/?access_token=[redacted]&region=eu");
        String snapshots = store.read(c -> {
            StringBuilder all = new StringBuilder();
            try (var s = c.prepareStatement("SELECT content FROM config_snapshot"); var r = s.executeQuery()) {
                while (r.next()) {
                    all.append(r.getString(1));
                }
            }
            return all.toString();
        });
        assertThat(snapshots).doesNotContain(planted).contains("[redacted]");
    }

    @Test
    void sensitiveFieldNamesAreRedactedWhateverTheirValue() {
        assertThat(ConfigFlattener.redact("profiles.x.db.password", "hunter2")).isEqualTo(ConfigFlattener.REDACTED);
        assertThat(ConfigFlattener.redact("profiles.x.token.pin", "1234")).isEqualTo(ConfigFlattener.REDACTED);
        assertThat(ConfigFlattener.redact("profiles.x.caseApi.apiKeySecret", "case-api-key")).isEqualTo("case-api-key");
        assertThat(ConfigFlattener.redact("profiles.x.webhook.url", "https://bot:hunter2@hooks.example.com/x?sig=abc&k=1"))
                .isEqualTo("https://[redacted]@hooks.example.com/x?sig=[redacted]&k=1");
    }

    @Test
    void manyChangesAreSummarisedByCount() throws Exception {
        StringBuilder operators = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            operators.append("  - id: op").append(i).append("\n    name: Op ").append(i).append("\n    roles: [analyst]\n");
        }
        audit.check(load(ConfigLoaderTest.VALID), null);
        audit.check(load(ConfigLoaderTest.VALID.replace("operators:\n", "operators:\n" + operators)), null);
        AuditEntry change = log.find(AuditQuery.latest(1)).getFirst();
        int changed = Integer.parseInt(change.details().get("changed"));
        assertThat(changed).isGreaterThan(ConfigChangeAudit.MAX_LISTED_CHANGES);
        assertThat(change.details()).containsEntry("unlisted", Integer.toString(changed - ConfigChangeAudit.MAX_LISTED_CHANGES));
        assertThat(change.details().keySet().stream().filter(k -> k.startsWith("after:")).count())
                .isEqualTo(ConfigChangeAudit.MAX_LISTED_CHANGES);
    }

    @Test
    void theBuildStampsItsConfigurationInputs() {
        assertThat(ConfigInput.stamped()).isTrue();
        assertThat(ConfigInput.digest("ana", null)).hasSize(64)
                .isEqualTo(ConfigInput.digest("ana", null))
                .isNotEqualTo(ConfigInput.digest("ben", null))
                .isNotEqualTo(ConfigInput.digest("ana", ""));
        assertThat(ConfigInput.digest("ana", "a: 1")).isNotEqualTo(ConfigInput.digest("ana", "a: 2"));
    }

    @Test
    void theLoaderDigestsTheTextItParsed() throws Exception {
        Path file = tmp.resolve("config.yaml");
        Files.writeString(file, ConfigLoaderTest.VALID);
        LoadedConfig loaded = new ConfigLoader().loadOrDefaultWithInput(file, "ana");
        assertThat(loaded.config()).isEqualTo(new ConfigLoader().load(file));
        assertThat(loaded.inputDigest()).isEqualTo(ConfigInput.digest("ana", ConfigLoaderTest.VALID));
        LoadedConfig defaults = new ConfigLoader().loadOrDefaultWithInput(tmp.resolve("absent.yaml"), "ana");
        assertThat(defaults.inputDigest()).isEqualTo(ConfigInput.digest("ana", null));
    }

    @Test
    void inputsSeenWithTheLastRecordedConfigurationAreNotComparedAgain() throws Exception {
        Path file = tmp.resolve("config.yaml");
        GatehouseConfig first = load(ConfigLoaderTest.VALID);
        assertThat(audit.check(first, file, ConfigInput.digest("ana", "1"))).isEqualTo(ConfigChangeAudit.Outcome.RECORDED);
        // the same inputs stand for the same configuration: it is not flattened again, so even a different object
        // passes (a load cannot give one for the same inputs)
        GatehouseConfig other = load(ConfigLoaderTest.VALID.replace("speed: 60", "speed: 120"));
        assertThat(audit.check(other, file, ConfigInput.digest("ana", "1"))).isEqualTo(ConfigChangeAudit.Outcome.UNCHANGED);
        // other inputs are compared in full and the change is audited
        assertThat(audit.check(other, file, ConfigInput.digest("ana", "2"))).isEqualTo(ConfigChangeAudit.Outcome.CHANGED);
        assertThat(log.find(AuditQuery.latest(10))).extracting(AuditEntry::action)
                .containsExactly("config.changed", "config.recorded");
    }

    @Test
    void newInputsForTheSameConfigurationAreRememberedAndNoChangeIsAudited() throws Exception {
        Path file = tmp.resolve("config.yaml");
        GatehouseConfig config = load(ConfigLoaderTest.VALID);
        assertThat(audit.check(config, file)).isEqualTo(ConfigChangeAudit.Outcome.RECORDED);
        // a row recorded without inputs (before inputs were kept, or an edit made in the console) is compared ...
        assertThat(audit.check(config, file, ConfigInput.digest("ana", "reformatted"))).isEqualTo(ConfigChangeAudit.Outcome.UNCHANGED);
        // ... and then carries the inputs: the next start with them does not compare
        GatehouseConfig changed = load(ConfigLoaderTest.VALID.replace("speed: 60", "speed: 120"));
        assertThat(audit.check(changed, file, ConfigInput.digest("ana", "reformatted"))).isEqualTo(ConfigChangeAudit.Outcome.UNCHANGED);
        assertThat(audit.check(changed, file, null)).isEqualTo(ConfigChangeAudit.Outcome.CHANGED);
        assertThat(log.find(AuditQuery.latest(10))).extracting(AuditEntry::action)
                .containsExactly("config.changed", "config.recorded");
    }
}
