package io.gatehouse.bench.desk;

import io.gatehouse.connectors.caseapi.CaseApiClient;
import io.gatehouse.connectors.caseapi.CaseApiDelivery;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.DecisionOptions;
import io.gatehouse.data.review.DecisionOutbox;
import io.gatehouse.data.review.DecisionPayload;
import io.gatehouse.data.review.DecisionRequest;
import io.gatehouse.data.review.DecisionResult;
import io.gatehouse.data.review.DeliveryState;
import io.gatehouse.data.review.OutboxEntry;
import io.gatehouse.data.review.OutboxSender;
import io.gatehouse.data.review.RetryPolicy;
import io.gatehouse.data.review.ReviewDesk;
import io.gatehouse.data.store.LocalStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;

/**
 * Decisions on the loopback sandbox: the desk's round trip (decide, outbox commit, upstream ack,
 * confirmed in the outbox) and the outbox's delivery rate, each beside the bare upstream call.
 */
final class DecisionPath {
    private DecisionPath() {
    }

    /** Milliseconds from the analyst's decide call until the outbox shows it confirmed upstream. */
    static List<Double> roundTrips(ReviewDesk desk, DecisionOutbox outbox, List<String> caseIds, int n) {
        List<Double> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String caseId = caseIds.get(i % caseIds.size());
            DecisionAction action = i % 2 == 0 ? DecisionAction.HOLD : DecisionAction.ESCALATE;
            long t0 = System.nanoTime();
            DecisionResult result = desk.decide(caseId, action, "bench", DecisionOptions.none());
            String key = ((DecisionResult.Queued) result).entry().idempotencyKey();
            DeliveryState state;
            while ((state = outbox.find(key).orElseThrow().state()) == DeliveryState.PENDING
                    || state == DeliveryState.SENT) {
                LockSupport.parkNanos(20_000);
            }
            out.add((System.nanoTime() - t0) / 1e6);
            if (state != DeliveryState.CONFIRMED) {
                throw new IllegalStateException("decision on " + caseId + " ended " + state);
            }
        }
        return out;
    }

    /** The same decisions sent straight to the upstream, with no audit and no outbox: the floor. */
    static List<Double> bareCalls(CaseApiClient client, List<String> caseIds, int n) {
        List<Double> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String caseId = caseIds.get(i % caseIds.size());
            DecisionAction action = i % 2 == 0 ? DecisionAction.HOLD : DecisionAction.ESCALATE;
            long t0 = System.nanoTime();
            client.decide(caseId, new DecisionRequest(action, "bench", "bench-analyst", List.of(), null),
                    UUID.randomUUID().toString());
            out.add((System.nanoTime() - t0) / 1e6);
        }
        return out;
    }

    /** Decisions per second the outbox delivers once {@code n} are waiting in it. */
    static double outboxRate(LocalStore store, DecisionOutbox outbox, CaseApiDelivery delivery, InstantSource clock,
            List<String> caseIds, int n) {
        List<String> keys = new ArrayList<>(n);
        for (int from = 0; from < n; from += 100) {
            int start = from;
            store.write(c -> {
                for (int i = start; i < Math.min(n, start + 100); i++) {
                    String key = "bulk-" + UUID.randomUUID();
                    keys.add(key);
                    outbox.enqueueIn(c, key, caseIds.get(i % caseIds.size()), "hold", payload(DecisionAction.HOLD));
                }
                return null;
            });
        }
        ScheduledExecutorService idle = Executors.newSingleThreadScheduledExecutor();
        // eight on their way at once, as the console delivers
        try (OutboxSender sender = new OutboxSender(outbox, delivery, clock,
                RetryPolicy.standard(RandomGenerator.of("L64X128MixRandom")), idle, Integer.getInteger("bench.outboxParallelism", 8))) {
            long t0 = System.nanoTime();
            sender.drainDue();
            double seconds = (System.nanoTime() - t0) / 1e9;
            long confirmed = keys.stream().filter(k -> outbox.find(k).orElseThrow().state() == DeliveryState.CONFIRMED)
                    .count();
            if (confirmed != n) {
                throw new IllegalStateException("only " + confirmed + " of " + n + " decisions were confirmed");
            }
            return n / seconds;
        } finally {
            idle.shutdownNow();
        }
    }

    /** The same deliveries made directly, without reading or recording the outbox. */
    static double bareRate(CaseApiDelivery delivery, List<String> caseIds, int n) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Instant now = Instant.now();
            delivery.deliver(new OutboxEntry(i, "bare-" + UUID.randomUUID(), caseIds.get(i % caseIds.size()), "hold",
                    payload(DecisionAction.HOLD), DeliveryState.PENDING, 0, now, now, now, null, null));
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private static String payload(DecisionAction action) {
        return DecisionPayload.write(new DecisionRequest(action, "bench", "bench-analyst", List.of(), null));
    }
}
