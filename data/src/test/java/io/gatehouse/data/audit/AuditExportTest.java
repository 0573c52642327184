package io.gatehouse.data.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.data.keys.SpkiKeys;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.SignatureMechanism;
import io.gatehouse.data.operator.FreshProofRequiredException;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.PermissionDeniedException;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.SoftwareToken;
import io.gatehouse.data.testing.TestOperators;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private final SoftwareToken token = new SoftwareToken("audit");
    private LocalStore store;
    private LocalOperatorSession session;
    private AuditLog log;
    private AuditExport export;

    @BeforeEach
    void open() {
        store = LocalStore.open(tmp.resolve("data"));
        session = TestOperators.lead(clock);
        log = new AuditLog(store, session, clock);
        export = new AuditExport(store, session, log);
        token.generateKeyPair(KeyAlgorithm.EC_P256, "audit-chain-v1", new byte[] {1});
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void append(int n) {
        for (int i = 0; i < n; i++) {
            log.append("case.decided", "case/" + i, Map.of("decision", "approve", "note", "ünïcödé \"quoted\""));
            clock.advance(Duration.ofSeconds(1));
        }
    }

    private List<JsonNode> exportLines() throws Exception {
        StringWriter out = new StringWriter();
        export.writeJsonLines(out, VerifyProgress.NONE);
        String text = out.toString();
        assertThat(text).endsWith("\n");
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : text.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void aReceiverCanRecomputeEveryHashAndLinkAndVerifyEveryHeadWithoutGatehouse() throws Exception {
        append(3);
        new AuditHeads(store, session, clock).sign(token, "audit-chain-v1", SignatureMechanism.ECDSA_SHA256);
        append(2);
        session.proveWithPassphrase(TestOperators.PASSPHRASE.clone());

        List<JsonNode> lines = exportLines();
        List<JsonNode> entries = lines.stream().filter(l -> l.get("type").asText().equals("entry")).toList();
        List<JsonNode> heads = lines.stream().filter(l -> l.get("type").asText().equals("head")).toList();
        assertThat(entries).hasSize(5);
        assertThat(heads).hasSize(1);

        String previous = AuditHasher.GENESIS;
        for (JsonNode line : entries) {
            ObjectNode hashed = line.deepCopy();
            hashed.remove("type");
            String claimed = hashed.remove("hash").asText();
            String recomputed = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    new JsonCanonicalizer(JSON.writeValueAsString(hashed)).getEncodedString()
                            .getBytes(StandardCharsets.UTF_8)));
            assertThat(recomputed).isEqualTo(claimed);
            assertThat(line.get("previousHash").asText()).isEqualTo(previous);
            previous = claimed;
        }

        JsonNode head = heads.getFirst();
        assertThat(head.get("seq").asLong()).isEqualTo(3);
        assertThat(head.get("hash").asText()).isEqualTo(entries.get(2).get("hash").asText());
        ObjectNode signed = JSON.createObjectNode();
        signed.put("type", "gatehouse-audit-head");
        signed.put("seq", head.get("seq").asLong());
        signed.put("hash", head.get("hash").asText());
        signed.put("keyId", head.get("keyId").asText());
        signed.put("signedAt", head.get("signedAt").asText());
        byte[] payload = new JsonCanonicalizer(JSON.writeValueAsString(signed)).getEncodedString()
                .getBytes(StandardCharsets.UTF_8);
        assertThat(SpkiKeys.verify(SpkiKeys.decode(Base64.getDecoder().decode(head.get("publicKey").asText())),
                SignatureMechanism.valueOf(head.get("mechanism").asText()), payload,
                Base64.getDecoder().decode(head.get("signature").asText()))).isTrue();
    }

    @Test
    void theExportIsItselfAudited() throws Exception {
        append(2);
        session.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
        AuditExport.Summary summary = export.writeJsonLines(new StringWriter(), VerifyProgress.NONE);
        assertThat(summary.entries()).isEqualTo(2);
        AuditEntry last = log.find(AuditQuery.latest(1)).getFirst();
        assertThat(last.action()).isEqualTo("audit.exported");
        assertThat(last.details()).containsEntry("entries", "2").containsEntry("format", "jsonl");
    }

    @Test
    void exportingNeedsAFreshProofOfPresence() {
        append(1);
        assertThatThrownBy(() -> export.writeJsonLines(new StringWriter(), VerifyProgress.NONE))
                .isInstanceOf(FreshProofRequiredException.class);
        session.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
        clock.advance(AuditExport.PROOF_MAX_AGE.plusSeconds(1));
        assertThatThrownBy(() -> export.writeJsonLines(new StringWriter(), VerifyProgress.NONE))
                .isInstanceOf(FreshProofRequiredException.class);
    }

    @Test
    void exportingNeedsThePermissionToReadTheLog() {
        LocalOperatorSession analystless = TestOperators.session(clock, Role.EXECUTIVE_VIEWER);
        analystless.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
        AuditExport custodianExport = new AuditExport(store, analystless, log);
        assertThatThrownBy(() -> custodianExport.writeJsonLines(new StringWriter(), VerifyProgress.NONE))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void cancellingStopsBetweenPages() {
        append(1);
        session.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
        VerifyProgress cancelled = new VerifyProgress() {
            @Override
            public void checked(long done, long total) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> export.writeJsonLines(new StringWriter(), cancelled))
                .isInstanceOf(CancellationException.class);
    }
}
