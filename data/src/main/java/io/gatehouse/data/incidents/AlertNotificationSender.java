package io.gatehouse.data.incidents;

import io.gatehouse.data.review.RetryPolicy;
import io.gatehouse.data.store.LocalStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers queued alert notifications to the webhook, retrying passing failures with jittered
 * exponential backoff (never sooner than the peer's Retry-After). The caller owns the scheduler;
 * time comes from the injected clock.
 */
public final class AlertNotificationSender implements AutoCloseable {
    private static final int BATCH = 50;
    private static final System.Logger LOG = System.getLogger(AlertNotificationSender.class.getName());

    private final AlertNotifications queue;
    private final LocalStore store;
    private final AlertWebhook webhook;
    private final Runbooks runbooks;
    private final InstantSource clock;
    private final RetryPolicy retryPolicy;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile ScheduledFuture<?> wakeUp;
    private volatile boolean closed;

    public AlertNotificationSender(AlertNotifications queue, LocalStore store, AlertWebhook webhook, Runbooks runbooks,
            InstantSource clock, RetryPolicy retryPolicy, ScheduledExecutorService scheduler) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.store = Objects.requireNonNull(store, "store");
        this.webhook = Objects.requireNonNull(webhook, "webhook");
        this.runbooks = Objects.requireNonNull(runbooks, "runbooks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Sends everything due now; returns the attempts made. Only one drain runs at a time. */
    public int drainDue() {
        if (!draining.compareAndSet(false, true)) {
            return 0;
        }
        int attempts = 0;
        try {
            while (!closed) {
                List<AlertNotifications.Pending> due = queue.due(BATCH);
                if (due.isEmpty()) {
                    break;
                }
                for (AlertNotifications.Pending p : due) {
                    if (closed) {
                        break;
                    }
                    attempt(p);
                    attempts++;
                }
            }
        } finally {
            draining.set(false);
        }
        return attempts;
    }

    private void attempt(AlertNotifications.Pending p) {
        Optional<Alert> alert = store.read(c -> AlertRows.alert(c, p.alertId()));
        WebhookOutcome outcome;
        if (alert.isEmpty()) {
            outcome = new WebhookOutcome.Refused("the alert no longer exists");
        } else {
            try {
                outcome = webhook.post(alert.get(), runbooks.steps(alert.get().type()));
            } catch (RuntimeException e) {
                // a defect in the connector must not stall the queue; the message may quote the URL, so it is not kept
                LOG.log(System.Logger.Level.ERROR, "posting alert " + p.alertId() + " failed unexpectedly: "
                        + e.getClass().getName());
                outcome = new WebhookOutcome.Retry(null, "unexpected error: " + e.getClass().getSimpleName());
            }
        }
        Instant retryAt = null;
        if (outcome instanceof WebhookOutcome.Retry retry) {
            retryAt = clock.instant().plus(retryPolicy.delayAfter(p.attempts() + 1, retry.retryAfter()));
        }
        queue.record(p.id(), outcome, retryAt);
    }

    /** Drains now, then again whenever the next notification falls due; call after each new alert. */
    public void kick() {
        if (!closed) {
            scheduler.execute(this::drainAndReschedule);
        }
    }

    private void drainAndReschedule() {
        try {
            drainDue();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "alert notification drain failed; retrying in 30 s: "
                    + e.getClass().getSimpleName());
            schedule(Duration.ofSeconds(30));
            return;
        }
        queue.nextDue().ifPresent(next -> schedule(Duration.between(clock.instant(), next)));
    }

    private synchronized void schedule(Duration delay) {
        if (closed) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        wakeUp = scheduler.schedule(this::drainAndReschedule, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
    }
}
