package io.gatehouse.data.review;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers the outbox upstream. Each entry is sent with its own idempotency key, so an entry
 * resent after a crash, a timeout or a flapping network has effect once. Passing failures are
 * retried with backoff; conflicts and permanent refusals are recorded and left for the analyst.
 */
public final class OutboxSender implements AutoCloseable {
    private static final int BATCH = 200;
    private static final System.Logger LOG = System.getLogger(OutboxSender.class.getName());

    private final DecisionOutbox outbox;
    private final DecisionDelivery delivery;
    private final InstantSource clock;
    private final RetryPolicy retryPolicy;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile ScheduledFuture<?> wakeUp;
    private volatile boolean closed;

    public OutboxSender(DecisionOutbox outbox, DecisionDelivery delivery, InstantSource clock, RetryPolicy retryPolicy,
            ScheduledExecutorService scheduler) {
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
                for (OutboxEntry entry : due) {
                    if (closed) {
                        break;
                    }
                    attempt(entry);
                    attempts++;
                }
            }
        } finally {
            draining.set(false);
        }
        return attempts;
    }

    private void attempt(OutboxEntry entry) {
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
