package io.gatehouse.data.review;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers the outbox upstream. Each entry is sent with its own idempotency key, so an entry
 * resent after a crash, a timeout or a flapping network has effect once. Passing failures are
 * retried with backoff; conflicts and permanent refusals are recorded and left for the analyst.
 */
public final class OutboxSender implements AutoCloseable {
    private static final int BATCH = 1000;
    private static final System.Logger LOG = System.getLogger(OutboxSender.class.getName());

    private final DecisionOutbox outbox;
    private final DecisionDelivery delivery;
    private final InstantSource clock;
    private final RetryPolicy retryPolicy;
    private final ScheduledExecutorService scheduler;
    private final int parallelism;
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile ScheduledFuture<?> wakeUp;
    private volatile boolean closed;

    /** A sender that delivers one decision at a time. */
    public OutboxSender(DecisionOutbox outbox, DecisionDelivery delivery, InstantSource clock, RetryPolicy retryPolicy,
            ScheduledExecutorService scheduler) {
        this(outbox, delivery, clock, retryPolicy, scheduler, 1);
    }

    /**
     * A sender with up to {@code parallelism} decisions on their way at once. Each call upstream is a
     * network round trip, so one at a time leaves the line idle most of the time; decisions on the
     * same case still go one after another, in the order they were made, so an undo never overtakes
     * the decision it undoes. {@code delivery} must then be safe to call from several threads.
     */
    public OutboxSender(DecisionOutbox outbox, DecisionDelivery delivery, InstantSource clock, RetryPolicy retryPolicy,
            ScheduledExecutorService scheduler, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.parallelism = parallelism;
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /**
     * Sends every entry that is due now, batch after batch; returns how many attempts were made.
     * Safe to call from several places: only one drain runs at a time.
     */
    public int drainDue() {
        if (!draining.compareAndSet(false, true)) {
            return 0;
        }
        int attempts = 0;
        try {
            while (!closed) {
                List<OutboxEntry> due = outbox.due(BATCH);
                if (due.isEmpty()) {
                    break;
                }
                attempts += parallelism == 1 ? attemptInOrder(due) : attemptPerCase(due);
            }
        } finally {
            draining.set(false);
        }
        return attempts;
    }

    /** Every entry in order, except those of a case whose earlier entry was just left waiting for a retry. */
    private int attemptInOrder(List<OutboxEntry> entries) {
        int attempts = 0;
        java.util.Set<String> waiting = new java.util.HashSet<>();
        for (OutboxEntry entry : entries) {
            if (closed) {
                break;
            }
            if (waiting.contains(entry.caseId())) {
                continue;
            }
            attempts++;
            if (!attempt(entry)) {
                waiting.add(entry.caseId());
            }
        }
        return attempts;
    }

    /** A case's entries in order; one left waiting for a retry holds back the later ones until then. */
    private int attemptUntilOneWaits(List<OutboxEntry> entries) {
        int attempts = 0;
        for (OutboxEntry entry : entries) {
            if (closed) {
                break;
            }
            attempts++;
            if (!attempt(entry)) {
                break;
            }
        }
        return attempts;
    }

    /** One task per case (its entries in order), at most {@code parallelism} running; waits for all. */
    private int attemptPerCase(List<OutboxEntry> due) {
        Map<String, List<OutboxEntry>> byCase = new LinkedHashMap<>();
        for (OutboxEntry entry : due) {
            byCase.computeIfAbsent(entry.caseId(), id -> new ArrayList<>()).add(entry);
        }
        Semaphore slots = new Semaphore(parallelism);
        AtomicInteger attempts = new AtomicInteger();
        try (ExecutorService tasks = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("outbox-delivery-", 0).factory())) {
            for (List<OutboxEntry> entries : byCase.values()) {
                slots.acquireUninterruptibly();
                tasks.execute(() -> {
                    try {
                        attempts.addAndGet(attemptUntilOneWaits(entries));
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        return attempts.get();
    }

    /** Sends one entry and records the answer; false when it is left waiting for a retry. */
    private boolean attempt(OutboxEntry entry) {
        DeliveryOutcome outcome;
        try {
            outcome = delivery.deliver(entry);
        } catch (RuntimeException e) {
            // a defect in a connector must not stall the queue: treat it as a passing failure
            LOG.log(System.Logger.Level.ERROR, "delivery of decision " + entry.id() + " failed unexpectedly", e);
            outcome = new DeliveryOutcome.Retry(null, "unexpected error: " + e.getClass().getSimpleName());
        }
        Instant retryAt = null;
        if (outcome instanceof DeliveryOutcome.Retry retry) {
            Duration delay = retryPolicy.delayAfter(entry.attempts() + 1, retry.retryAfter());
            retryAt = clock.instant().plus(delay);
        }
        outbox.record(entry.id(), outcome, retryAt);
        return retryAt == null;
    }

    /** Drains now, and then again whenever the next entry falls due; call after each enqueue too. */
    public void kick() {
        if (closed) {
            return;
        }
        scheduler.execute(this::drainAndReschedule);
    }

    private void drainAndReschedule() {
        try {
            drainDue();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "outbox drain failed; retrying in 30 s", e);
            schedule(Duration.ofSeconds(30));
            return;
        }
        outbox.nextDue().ifPresent(next -> schedule(Duration.between(clock.instant(), next)));
    }

    private synchronized void schedule(Duration delay) {
        if (closed) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        long millis = Math.max(0, delay.toMillis());
        wakeUp = scheduler.schedule(this::drainAndReschedule, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
    }
}
