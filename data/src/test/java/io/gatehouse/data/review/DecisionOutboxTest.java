package io.gatehouse.data.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.VerifyProgress;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.store.StoreException;
import io.gatehouse.data.testing.ChildJvm;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.TestOperators;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionOutboxTest {
    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private final List<String> delivered = new ArrayList<>();
    private final Deque<DeliveryOutcome> script = new ConcurrentLinkedDeque<>();
    private LocalStore store;
    private AuditLog audit;
    private DecisionOutbox outbox;
    private OutboxSender sender;
    private ScheduledExecutorService scheduler;

    @BeforeEach
    void open() {
        store = LocalStore.open(tmp.resolve("data"));
        audit = new AuditLog(store, TestOperators.session(clock, io.gatehouse.data.operator.Role.ANALYST), clock);
        outbox = new DecisionOutbox(store, clock);
        scheduler = Executors.newSingleThreadScheduledExecutor();
        sender = new OutboxSender(outbox, this::deliver, clock, RetryPolicy.standard(RandomGenerator.of("L64X128MixRandom")),
                scheduler);
    }

    @AfterEach
    void close() {
        sender.close();
        scheduler.shutdownNow();
        store.close();
    }

    private synchronized DeliveryOutcome deliver(OutboxEntry entry) {
        delivered.add(entry.idempotencyKey());
        DeliveryOutcome next = script.pollFirst();
        return next != null ? next : new DeliveryOutcome.Confirmed("{\"id\":\"" + entry.caseId() + "\"}");
    }

    private void decide(String key, String caseId, String action) {
        store.write(c -> {
            audit.appendIn(c, "case." + action, "case/" + caseId, Map.of("idempotencyKey", key), null);
            return outbox.enqueueIn(c, key, caseId, action, "{\"action\":\"" + action + "\"}");
        });
    }

    @Test
    void aDecisionAndItsAuditEntryCommitTogetherOrNotAtAll() {
        decide("k1", "c1", "approve");
        assertThat(outbox.find("k1")).get().extracting(OutboxEntry::state).isEqualTo(DeliveryState.PENDING);
        assertThatThrownBy(() -> store.write(c -> {
            audit.appendIn(c, "case.decline", "case/c2", Map.of(), null);
            outbox.enqueueIn(c, "k2", "c2", "decline", "{}");
            throw new IllegalStateException("crash before commit");
        })).hasMessage("crash before commit");
        assertThat(outbox.find("k2")).isEmpty();
        assertThat(new AuditLog(store, TestOperators.lead(clock), clock).verify(VerifyProgress.NONE).count()).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyIsNeverQueuedTwice() {
        decide("k1", "c1", "approve");
        assertThatThrownBy(() -> decide("k1", "c1", "approve")).isInstanceOf(StoreException.class);
        assertThat(outbox.counts()).containsEntry(DeliveryState.PENDING, 1L);
    }

    @Test
    void deliveredEntriesAreConfirmedAndNotSentAgain() {
        decide("k1", "c1", "approve");
        decide("k2", "c2", "decline");
        assertThat(sender.drainDue()).isEqualTo(2);
        assertThat(sender.drainDue()).isZero();
        assertThat(delivered).containsExactly("k1", "k2");
        assertThat(outbox.counts()).containsEntry(DeliveryState.CONFIRMED, 2L);
    }

    @Test
    void passingFailuresAreRetriedWithBackoffAndRetryAfterOnTheInjectedClock() {
        decide("k1", "c1", "approve");
        script.add(new DeliveryOutcome.Retry(Duration.ofSeconds(30), "HTTP 429"));
        script.add(new DeliveryOutcome.Retry(null, "connection reset"));
        assertThat(sender.drainDue()).isEqualTo(1);
        OutboxEntry waiting = outbox.find("k1").orElseThrow();
        assertThat(waiting.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(waiting.lastError()).isEqualTo("HTTP 429");
        assertThat(waiting.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));

        clock.advance(Duration.ofSeconds(29));
        assertThat(sender.drainDue()).as("Retry-After not yet over").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sender.drainDue()).isEqualTo(1);
        assertThat(outbox.find("k1").orElseThrow().attempts()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(5));
        assertThat(sender.drainDue()).isEqualTo(1);
        assertThat(outbox.find("k1").orElseThrow().state()).isEqualTo(DeliveryState.CONFIRMED);
        assertThat(delivered).containsExactly("k1", "k1", "k1");
    }

    @Test
    void aConflictIsRecordedWithTheStandingDecisionAndNeverRetried() {
        decide("k1", "c1", "approve");
        script.add(new DeliveryOutcome.Conflict("{\"decision\":\"decline\",\"analyst\":\"bob\"}", "decided elsewhere"));
        sender.drainDue();
        clock.advance(Duration.ofHours(2));
        assertThat(sender.drainDue()).isZero();
        OutboxEntry entry = outbox.find("k1").orElseThrow();
        assertThat(entry.state()).isEqualTo(DeliveryState.CONFLICT);
        assertThat(entry.upstreamAnswer()).contains("bob");
    }

    @Test
    void aPermanentRefusalIsKeptWithItsReason() {
        decide("k1", "gone", "approve");
        script.add(new DeliveryOutcome.Failed("the case no longer exists upstream"));
        sender.drainDue();
        clock.advance(Duration.ofHours(2));
        assertThat(sender.drainDue()).isZero();
        assertThat(outbox.find("k1").orElseThrow().lastError()).contains("no longer exists");
    }

    @Test
    void aCasesDecisionsGoUpstreamInTheOrderMade() {
        decide("k1", "c1", "approve");
        decide("k2", "c1", "undo");
        decide("k3", "c2", "hold");
        script.add(new DeliveryOutcome.Retry(null, "timeout"));
        sender.drainDue();
        assertThat(delivered).containsExactly("k1", "k3");
        clock.advance(Duration.ofMinutes(10));
        sender.drainDue();
        assertThat(delivered).containsExactly("k1", "k3", "k1", "k2");
    }

    @Test
    void aCaseWaitingForARetryHoldsBackOnlyItsOwnDecisionsEvenPagesAhead() {
        // more of one case's decisions than one page of the walk, then other cases behind them
        store.write(c -> {
            for (int i = 0; i < 700; i++) {
                outbox.enqueueIn(c, "stuck-" + i, "c-stuck", "hold", "{}");
            }
            for (int i = 0; i < 5; i++) {
                outbox.enqueueIn(c, "other-" + i, "c-" + i, "approve", "{}");
            }
            return null;
        });
        script.add(new DeliveryOutcome.Retry(Duration.ofMinutes(1), "HTTP 503"));
        sender.drainDue();
        assertThat(delivered).as("the stuck case's first try, then each other case; none of the stuck case's later ones")
                .containsExactly("stuck-0", "other-0", "other-1", "other-2", "other-3", "other-4");
        assertThat(outbox.due(1000)).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        List<OutboxEntry> due = outbox.due(1000);
        assertThat(due).hasSize(700);
        assertThat(due).extracting(OutboxEntry::idempotencyKey).startsWith("stuck-0", "stuck-1", "stuck-2")
                .endsWith("stuck-699");
        assertThat(outbox.due(3)).extracting(OutboxEntry::idempotencyKey).containsExactly("stuck-0", "stuck-1", "stuck-2");
        sender.drainDue();
        assertThat(outbox.counts()).containsEntry(DeliveryState.CONFIRMED, 705L).containsEntry(DeliveryState.PENDING, 0L);
        assertThat(delivered.subList(6, delivered.size())).as("the held-back case, in the order made")
                .isEqualTo(java.util.stream.IntStream.range(0, 700).mapToObj(i -> "stuck-" + i).toList());
    }

    @Test
    void anAcceptedDecisionIsSentUntilReadBack() {
        decide("k1", "c1", "approve");
        script.add(new DeliveryOutcome.Accepted("{\"open\":true}"));
        sender.drainDue();
        OutboxEntry sent = outbox.find("k1").orElseThrow();
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        outbox.confirm(sent.id(), "{\"open\":false}");
        assertThat(outbox.find("k1").orElseThrow().state()).isEqualTo(DeliveryState.CONFIRMED);
    }

    @Test
    void aConnectorDefectIsRetriedNotFatal() {
        decide("k1", "c1", "approve");
        OutboxSender broken = new OutboxSender(outbox, entry -> {
            throw new NullPointerException("bug");
        }, clock, RetryPolicy.standard(RandomGenerator.of("L64X128MixRandom")), scheduler);
        assertThat(broken.drainDue()).isEqualTo(1);
        assertThat(outbox.find("k1").orElseThrow().lastError()).contains("NullPointerException");
    }

    @Test
    void kickDeliversInTheBackground() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        OutboxSender background = new OutboxSender(outbox, entry -> {
            done.countDown();
            return new DeliveryOutcome.Confirmed("{}");
        }, clock, RetryPolicy.standard(RandomGenerator.of("L64X128MixRandom")), scheduler);
        decide("k1", "c1", "approve");
        background.kick();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        background.close();
    }

    @Test
    void decisionsQueuedByAKilledConsoleAreDeliveredAfterRestartExactlyOnce() throws Exception {
        store.close();
        Path dir = tmp.resolve("data");
        try (ChildJvm child = ChildJvm.start(OutboxChild.class, dir.toString(), "40")) {
            assertThat(child.readLine()).isEqualTo("queued");
            assertThat(child.waitFor()).isEqualTo(137);
        }
        store = LocalStore.open(dir);
        // the child stamped its entries with the real time
        clock.set(java.time.Instant.now().plusSeconds(60));
        outbox = new DecisionOutbox(store, clock);
        OutboxSender resumed = new OutboxSender(outbox, this::deliver, clock,
                RetryPolicy.standard(RandomGenerator.of("L64X128MixRandom")), scheduler);
        assertThat(resumed.drainDue()).isEqualTo(40);
        assertThat(delivered).hasSize(40).doesNotHaveDuplicates();
        assertThat(new AuditLog(store, TestOperators.lead(clock), clock).verify(VerifyProgress.NONE).count()).isEqualTo(40);
    }
}
