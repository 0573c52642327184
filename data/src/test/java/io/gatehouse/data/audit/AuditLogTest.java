package io.gatehouse.data.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.operator.PermissionDeniedException;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.TestOperators;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private LocalStore store;
    private AuditLog log;

    @BeforeEach
    void open() {
        store = LocalStore.open(tmp.resolve("data"));
        log = new AuditLog(store, TestOperators.lead(clock), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void appendFive() {
        for (int i = 1; i <= 5; i++) {
            log.append("case.decided", "case/" + i, Map.of("decision", "approve", "amount", i + "00 EUR"));
            clock.advance(Duration.ofSeconds(1));
        }
    }

    private void sql(String statement) {
        store.write(c -> {
            try (PreparedStatement s = c.prepareStatement(statement)) {
                return s.executeUpdate();
            }
        });
    }

    @Test
    void entriesChainFromGenesisAndCarryTheOperator() {
        AuditEntry first = log.append("case.decided", "case/1", Map.of("decision", "approve"));
        AuditEntry second = log.append("case.decided", "case/2", Map.of("decision", "decline"));
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo(AuditHasher.GENESIS);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(first.actorId()).isEqualTo("op-lead");
        assertThat(first.actorRoles()).containsExactly(Role.LEAD);
        assertThat(first.hash()).hasSize(64).isEqualTo(AuditHasher.hash(first));
    }

    @Test
    void anUntouchedChainIsIntactWithCountAndHead() {
        appendFive();
        ChainVerification result = log.verify(VerifyProgress.NONE);
        assertThat(result.intact()).isTrue();
        assertThat(result.count()).isEqualTo(5);
        assertThat(result.headHash()).isEqualTo(log.find(AuditQuery.latest(1)).getFirst().hash());
    }

    @Test
    void anEmptyChainIsIntact() {
        assertThat(log.verify(VerifyProgress.NONE)).isEqualTo(ChainVerification.intact(0, AuditHasher.GENESIS));
    }

    @Test
    void changedDetailsInOneRowAreNamed() {
        appendFive();
        sql("UPDATE audit_entry SET details = '{\"amount\":\"99900 EUR\",\"decision\":\"approve\"}' WHERE seq = 3");
        ChainVerification result = log.verify(VerifyProgress.NONE);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(3);
        assertThat(result.problem()).contains("altered");
    }

    @Test
    void aChangedActorIsNamed() {
        appendFive();
        sql("UPDATE audit_entry SET actor_id = 'someone-else' WHERE seq = 2");
        assertThat(log.verify(VerifyProgress.NONE).firstBrokenSequence()).isEqualTo(2);
    }

    @Test
    void aDeletedMiddleRowIsNamed() {
        appendFive();
        sql("DELETE FROM audit_entry WHERE seq = 3");
        ChainVerification result = log.verify(VerifyProgress.NONE);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(3);
        assertThat(result.problem()).contains("missing");
    }

    @Test
    void aDeletedRowWhoseSuccessorsWereRenumberedIsNamed() {
        appendFive();
        sql("DELETE FROM audit_entry WHERE seq = 3");
        sql("UPDATE audit_entry SET seq = seq - 1 WHERE seq > 3");
        ChainVerification result = log.verify(VerifyProgress.NONE);
        assertThat(result.firstBrokenSequence()).isEqualTo(3);
    }

    @Test
    void reorderedRowsAreNamed() {
        appendFive();
        // swap entries 2 and 4 by exchanging their sequence numbers
        sql("UPDATE audit_entry SET seq = -4 WHERE seq = 4");
        sql("UPDATE audit_entry SET seq = 4 WHERE seq = 2");
        sql("UPDATE audit_entry SET seq = 2 WHERE seq = -4");
        ChainVerification result = log.verify(VerifyProgress.NONE);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(2);
    }

    @Test
    void anUnreadableRowIsNamedInsteadOfCrashing() {
        appendFive();
        sql("UPDATE audit_entry SET actor_roles = 'emperor' WHERE seq = 4");
        ChainVerification result = log.verify(VerifyProgress.NONE);
        assertThat(result.firstBrokenSequence()).isEqualTo(4);
        assertThat(result.problem()).contains("cannot be read");
    }

    @Test
    void personalDataIsKeptApartAndErasingItKeepsTheChainIntact() {
        AuditEntry entry = log.append("case.customer-contacted", "case/7", Map.of("channel", "email"),
                "jane.doe@example.com");
        assertThat(entry.details()).doesNotContainValue("jane.doe@example.com");
        assertThat(log.personalData(entry.personalRef())).contains("jane.doe@example.com");

        assertThat(log.erasePersonalData(entry.personalRef(), "data subject request 42")).isTrue();

        assertThat(log.personalData(entry.personalRef())).isEmpty();
        ChainVerification result = log.verify(VerifyProgress.NONE);
        assertThat(result.intact()).isTrue();
        assertThat(result.count()).isEqualTo(2);
        assertThat(log.find(AuditQuery.latest(1)).getFirst().action()).isEqualTo("audit.personal-data.erased");
    }

    @Test
    void findFiltersByActorActionSubjectAndTime() {
        appendFive();
        AuditLog analystLog = new AuditLog(store, TestOperators.session(clock, Role.ANALYST), clock);
        analystLog.append("case.held", "case/9", Map.of());
        assertThat(log.find(new AuditQuery("op-analyst", null, null, null, null, 100))).extracting(AuditEntry::subject)
                .containsExactly("case/9");
        assertThat(log.find(new AuditQuery(null, "case.held", null, null, null, 100))).hasSize(1);
        assertThat(log.find(new AuditQuery(null, null, "case/2", null, null, 100))).hasSize(1);
        assertThat(log.find(new AuditQuery(null, null, null, clock.instant().minusSeconds(1), null, 100)))
                .extracting(AuditEntry::sequence).containsExactly(6L, 5L);
        assertThat(log.find(AuditQuery.latest(3))).extracting(AuditEntry::sequence).containsExactly(6L, 5L, 4L);
    }

    @Test
    void verifyReportsProgressAndCanBeCancelled() {
        for (int i = 0; i < 2_500; i++) {
            store.write(c -> log.appendIn(c, "bulk", "s", Map.of(), null));
        }
        List<Long> seen = new ArrayList<>();
        assertThat(log.verify((done, total) -> seen.add(done)).count()).isEqualTo(2_500);
        assertThat(seen).containsExactly(1_000L, 2_000L, 2_500L);

        assertThatThrownBy(() -> log.verify(new VerifyProgress() {
            private int pages;

            @Override
            public void checked(long done, long total) {
                pages++;
            }

            @Override
            public boolean cancelled() {
                return pages >= 1;
            }
        })).isInstanceOf(CancellationException.class);
    }

    @Test
    void readingAndVerifyingNeedTheirPermissions() {
        appendFive();
        AuditLog executive = new AuditLog(store, TestOperators.session(clock, Role.EXECUTIVE_VIEWER), clock);
        assertThatThrownBy(() -> executive.find(AuditQuery.latest(1))).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> executive.verify(VerifyProgress.NONE)).isInstanceOf(PermissionDeniedException.class);
        AuditLog analyst = new AuditLog(store, TestOperators.session(clock, Role.ANALYST), clock);
        assertThat(analyst.find(AuditQuery.latest(1))).hasSize(1);
        assertThatThrownBy(() -> analyst.verify(VerifyProgress.NONE)).isInstanceOf(PermissionDeniedException.class);
        org.assertj.core.api.Assertions.assertThatCode(() -> analyst.personalData(1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> analyst.erasePersonalData(1, "r")).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void theHashIsOverCanonicalJson() {
        String json = AuditHasher.canonicalJson(1, clock.instant(), "op", java.util.Set.of(Role.LEAD, Role.ANALYST),
                "a", "s", Map.of("b", "2", "a", "1"), null, AuditHasher.GENESIS);
        assertThat(json).isEqualTo("{\"action\":\"a\",\"actor\":{\"id\":\"op\",\"roles\":[\"analyst\",\"lead\"]},"
                + "\"at\":\"2026-11-25T10:00:00Z\",\"details\":{\"a\":\"1\",\"b\":\"2\"},\"personalRef\":null,"
                + "\"previousHash\":\"" + AuditHasher.GENESIS + "\",\"seq\":1,\"subject\":\"s\"}");
    }
}
