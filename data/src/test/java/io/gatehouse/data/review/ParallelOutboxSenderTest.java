package io.gatehouse.data.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ManualClock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several decisions on their way at once, without one case's decisions overtaking each other. */
class ParallelOutboxSenderTest {
    private static final int CASES = 24;

    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private LocalStore store;
    private DecisionOutbox outbox;
    private ScheduledExecutorService scheduler;

    @BeforeEach
    void open() {
        store = LocalStore.open(tmp.resolve("data"));
        outbox = new DecisionOutbox(store, clock);
        scheduler = Executors.newSingleThreadScheduledExecutor();
        for (int i = 0; i < CASES; i++) {
            String caseId = "c" + i;
            store.write(c -> outbox.enqueueIn(c, caseId + "-decide", caseId, "approve", "{}"));
            store.write(c -> outbox.enqueueIn(c, caseId + "-undo", caseId, "undo", "{}"));
        }
    }

    @AfterEach
    void close() {
        scheduler.shutdownNow();
        store.close();
    }

    @Test
    void differentCasesTravelTogetherAndEachCaseKeepsItsOrder() {
        // the first four deliveries wait for each other: sent one at a time, the first would wait alone
        CountDownLatch fourInFlight = new CountDownLatch(4);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        Map<String, List<String>> perCase = new ConcurrentHashMap<>();
        DecisionDelivery delivery = entry -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                fourInFlight.countDown();
                assertThat(fourInFlight.await(10, TimeUnit.SECONDS)).as("four deliveries under way at once").isTrue();
                perCase.computeIfAbsent(entry.caseId(), id -> new CopyOnWriteArrayList<>()).add(entry.action());
                return new DeliveryOutcome.Confirmed("{}");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        };
        try (OutboxSender sender = new OutboxSender(outbox, delivery, clock,
                RetryPolicy.standard(RandomGenerator.of("L64X128MixRandom")), scheduler, 4)) {
            assertThat(sender.drainDue()).isEqualTo(2 * CASES);
        }
        assertThat(mostInFlight.get()).isBetween(4, 4);
        assertThat(perCase).hasSize(CASES);
        perCase.values().forEach(actions -> assertThat(actions).containsExactly("approve", "undo"));
        for (int i = 0; i < CASES; i++) {
            assertThat(outbox.find("c" + i + "-undo")).get().extracting(OutboxEntry::state).isEqualTo(DeliveryState.CONFIRMED);
        }
    }

    @Test
    void aFailingDeliveryWaitsForItsRetryWithItsCaseWithoutStoppingTheOthers() {
        DecisionDelivery delivery = entry -> {
            if (entry.caseId().equals("c3")) {
                throw new IllegalStateException("connector defect");
            }
            return new DeliveryOutcome.Confirmed("{}");
        };
        try (OutboxSender sender = new OutboxSender(outbox, delivery, clock,
                RetryPolicy.standard(RandomGenerator.of("L64X128MixRandom")), scheduler, 8)) {
            sender.drainDue();
        }
        assertThat(outbox.find("c3-decide")).get().extracting(OutboxEntry::state).isEqualTo(DeliveryState.PENDING);
        assertThat(outbox.find("c3-decide")).get().extracting(OutboxEntry::attempts).isEqualTo(1);
        // the undo must not overtake the decision it undoes while that one waits for its retry
        assertThat(outbox.find("c3-undo")).get().extracting(OutboxEntry::attempts).isEqualTo(0);
        assertThat(outbox.find("c4-undo")).get().extracting(OutboxEntry::state).isEqualTo(DeliveryState.CONFIRMED);
    }

    @Test
    void parallelismBelowOneIsRefused() {
        assertThatThrownBy(() -> new OutboxSender(outbox, entry -> new DeliveryOutcome.Confirmed("{}"), clock,
                RetryPolicy.standard(RandomGenerator.of("L64X128MixRandom")), scheduler, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
