package io.gatehouse.data.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.SignatureMechanism;
import io.gatehouse.data.operator.PermissionDeniedException;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.SoftwareToken;
import io.gatehouse.data.testing.TestOperators;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditHeadsTest {
    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private final SoftwareToken token = new SoftwareToken("audit");
    private LocalStore store;
    private AuditLog log;
    private AuditHeads heads;

    @BeforeEach
    void open() {
        store = LocalStore.open(tmp.resolve("data"));
        log = new AuditLog(store, TestOperators.lead(clock), clock);
        heads = new AuditHeads(store, TestOperators.lead(clock), clock);
        token.generateKeyPair(KeyAlgorithm.EC_P256, "audit-chain-v1", new byte[] {1});
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void append(int n) {
        for (int i = 0; i < n; i++) {
            log.append("case.decided", "case/" + i, Map.of("decision", "approve"));
            clock.advance(Duration.ofSeconds(1));
        }
    }

    private int sql(String statement) {
        return store.write(c -> {
            try (PreparedStatement s = c.prepareStatement(statement)) {
                return s.executeUpdate();
            }
        });
    }

    @Test
    void signedHeadsVerifyAgainstTheRecordedKeyAndLaterEntriesAreFine() {
        append(3);
        SignedHead first = heads.sign(token, "audit-chain-v1", SignatureMechanism.ECDSA_SHA256);
        assertThat(first.sequence()).isEqualTo(3);
        append(2);
        heads.sign(token, "audit-chain-v1", SignatureMechanism.ECDSA_SHA256);
        append(1);
        token.destroy("audit-chain-v1"); // verification never needs the token
        HeadCheck check = heads.verify();
        assertThat(check.ok()).as(check.problem()).isTrue();
        assertThat(check.signedHeads()).isEqualTo(2);
        assertThat(check.lastSignedSequence()).isEqualTo(5);
    }

    @Test
    void aTruncatedTailIsCaughtEvenThoughTheShortenedChainIsIntact() {
        append(5);
        heads.sign(token, "audit-chain-v1", SignatureMechanism.ECDSA_SHA256);
        sql("DELETE FROM audit_entry WHERE seq >= 4");
        assertThat(log.verify(VerifyProgress.NONE).intact()).as("the hash chain alone cannot tell").isTrue();
        HeadCheck check = heads.verify();
        assertThat(check.ok()).isFalse();
        assertThat(check.problem()).contains("truncated", "chain ends at entry 3", "covers entry 5");
    }

    @Test
    void aRewrittenTailOrAForgedSignatureIsCaught() {
        append(3);
        heads.sign(token, "audit-chain-v1", SignatureMechanism.ECDSA_SHA256);
        sql("UPDATE audit_entry SET hash = '" + "a".repeat(64) + "' WHERE seq = 3");
        assertThat(heads.verify().problem()).contains("entry 3 is not the entry that was signed");
        sql("UPDATE audit_signed_head SET seq = 2");
        assertThat(heads.verify().problem()).contains("does not verify");
    }

    @Test
    void verifyingNeedsThePermission() {
        AuditHeads analyst = new AuditHeads(store, TestOperators.session(clock, Role.EXECUTIVE_VIEWER), clock);
        assertThatThrownBy(analyst::verify).isInstanceOf(PermissionDeniedException.class);
    }
}
