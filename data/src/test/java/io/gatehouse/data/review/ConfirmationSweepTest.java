package io.gatehouse.data.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.TestOperators;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decisions left pending confirmation are settled by later read-backs, each on its own. */
class ConfirmationSweepTest {
    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private final Map<String, DeliveryOutcome> upstream = new HashMap<>();
    private LocalStore store;
    private AuditLog audit;
    private DecisionOutbox outbox;
    private ScheduledExecutorService scheduler;

    @BeforeEach
    void open() {
        store = LocalStore.open(tmp.resolve("data"));
        audit = new AuditLog(store, TestOperators.session(clock, Role.ANALYST), clock);
        outbox = new DecisionOutbox(store, clock);
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void close() {
        scheduler.shutdownNow();
        store.close();
    }

    /** Enqueues a decision and delivers it with the upstream accepting but not yet showing it done. */
    private void sentButPending(String key, String caseId) {
        store.write(c -> {
            audit.appendIn(c, "case.approve", "case/" + caseId, Map.of("idempotencyKey", key), null);
            return outbox.enqueueIn(c, key, caseId, "approve", "{\"action\":\"approve\"}");
        });
        try (OutboxSender sender = new OutboxSender(outbox, entry -> new DeliveryOutcome.Accepted("{\"open\":true}"),
                clock, RetryPolicy.standard(RandomGenerator.of("L64X128MixRandom")), scheduler)) {
            sender.drainDue();
        }
        assertThat(outbox.find(key).orElseThrow().state()).isEqualTo(DeliveryState.SENT);
    }

    private ConfirmationSweep sweep() {
        return new ConfirmationSweep(outbox, entry -> {
            DeliveryOutcome answer = upstream.get(entry.caseId());
            if (answer == null) {
                throw new IllegalStateException("connector defect");
            }
            return answer;
        });
    }

    @Test
    void eachPendingDecisionSettlesWhenItsUpstreamStateIsRead() {
        sentButPending("k1", "c1");
        sentButPending("k2", "c2");
        sentButPending("k3", "c3");
        sentButPending("k4", "c4");
        upstream.put("c1", new DeliveryOutcome.Accepted("{\"open\":true}"));
        upstream.put("c2", new DeliveryOutcome.Confirmed("{\"closed_reason\":\"approved\"}"));
        upstream.put("c3", new DeliveryOutcome.Conflict("{\"closed_reason\":\"disputed\"}", "closed as disputed"));
        // c4 has no answer: the read-back throws, and the others still settle

        assertThat(sweep().sweep()).isEqualTo(2);

        assertThat(outbox.find("k1").orElseThrow().state()).isEqualTo(DeliveryState.SENT);
        OutboxEntry confirmed = outbox.find("k2").orElseThrow();
        assertThat(confirmed.state()).isEqualTo(DeliveryState.CONFIRMED);
        assertThat(confirmed.upstreamAnswer()).contains("approved");
        OutboxEntry conflict = outbox.find("k3").orElseThrow();
        assertThat(conflict.state()).isEqualTo(DeliveryState.CONFLICT);
        assertThat(conflict.lastError()).isEqualTo("closed as disputed");
        assertThat(outbox.find("k4").orElseThrow().state()).isEqualTo(DeliveryState.SENT);
        assertThat(outbox.awaitingConfirmation(10)).extracting(OutboxEntry::idempotencyKey).containsExactly("k1", "k4");

        upstream.put("c1", new DeliveryOutcome.Confirmed("{\"closed_reason\":\"approved\"}"));
        upstream.put("c4", new DeliveryOutcome.Retry(null, "network down"));
        assertThat(sweep().sweep()).isEqualTo(1);
        assertThat(outbox.awaitingConfirmation(10)).extracting(OutboxEntry::idempotencyKey).containsExactly("k4");
    }
}
