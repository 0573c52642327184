package io.gatehouse.data.keys;

import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.audit.AuditHeads;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.SignedHead;
import io.gatehouse.data.health.ConnectionKind;
import io.gatehouse.data.health.HealthProbe;
import io.gatehouse.data.health.HealthState;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.operator.OperatorSession;
import io.gatehouse.data.store.LocalStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Signs the audit chain's head with the audit ring's active key on the token at a fixed interval, so a
 * truncated tail is caught even when no custody step ran for a long time. It is also the health probe of that
 * signing: a token that is gone, locked or without the audit key makes it degraded, never a crash, and the
 * outage is audited once, when it begins.
 */
public final class AuditHeadSchedule implements HealthProbe {
    /** Opens a logged-in session on the token that holds the audit key; throws when it cannot. */
    @FunctionalInterface
    public interface TokenOpener {
        TokenSession open();
    }

    /** What the last attempt did. */
    public record Status(HealthState state, Optional<SignedHead> lastSigned, String detail) {
    }

    private final KeyRingLedger ledger;
    private final AuditHeads heads;
    private final TokenOpener opener;
    private final ScheduledExecutorService scheduler;
    private final InstantSource clock;
    private final Duration interval;
    private ScheduledFuture<?> schedule;
    private Status status = new Status(HealthState.UNKNOWN, Optional.empty(), "the audit head has not been signed yet");
    private boolean failing;

    public AuditHeadSchedule(LocalStore store, AuditLog audit, OperatorSession session, TokenOpener opener,
            ScheduledExecutorService scheduler, InstantSource clock, Duration interval) {
        this.ledger = new KeyRingLedger(Objects.requireNonNull(store, "store"), Objects.requireNonNull(audit, "audit"));
        this.heads = new AuditHeads(store, Objects.requireNonNull(session, "session"), clock);
        this.opener = Objects.requireNonNull(opener, "opener");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the signing interval must be positive, was " + interval);
        }
    }

    /** Signs now and then after every interval; calling it again changes nothing. */
    public synchronized void start() {
        if (schedule == null) {
            schedule = scheduler.scheduleWithFixedDelay(this::signNow, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the schedule; the scheduler belongs to the caller. */
    public synchronized void stop() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }

    /**
     * Signs the head now with the audit ring's active key. Never throws: a failure becomes the degraded status,
     * and the first failure of an outage is audited as {@code audit.head.unsigned}.
     */
    public Status signNow() {
        Optional<KeyVersion> key;
        try {
            key = ledger.find(KeyCustody.AUDIT_RING).flatMap(KeyRing::active);
        } catch (RuntimeException e) {
            return failed("the key rings cannot be read: " + e.getMessage());
        }
        if (key.isEmpty()) {
            return failed("there is no active '" + KeyCustody.AUDIT_RING + "' key to sign with; create one with"
                    + " gatehouse keys rotate " + KeyCustody.AUDIT_RING + " --create");
        }
        KeyVersion active = key.get();
        try (TokenSession token = opener.open()) {
            SignedHead signed = heads.sign(token, active.keyLabel(),
                    ledger.require(KeyCustody.AUDIT_RING).policy().mechanism());
            return succeeded(signed);
        } catch (GatehouseException e) {
            return failed("the audit head could not be signed with " + active.keyLabel() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return failed("the audit head could not be signed with " + active.keyLabel() + " (" + e + ")");
        }
    }

    /** The last attempt's outcome. */
    public synchronized Status status() {
        return status;
    }

    @Override
    public String connection() {
        return "Audit head signing";
    }

    @Override
    public ConnectionKind kind() {
        return ConnectionKind.TOKEN;
    }

    /** Degraded when the last attempt failed, or when the last signature is older than two intervals. */
    @Override
    public synchronized Result check() {
        if (status.state() == HealthState.UP) {
            Instant signedAt = status.lastSigned().orElseThrow().signedAt();
            if (signedAt.plus(interval.multipliedBy(2)).isBefore(clock.instant())) {
                return new Result(HealthState.DEGRADED, "the audit head was last signed at " + signedAt
                        + ", more than two intervals ago");
            }
        }
        return new Result(status.state(), status.detail());
    }

    private synchronized Status succeeded(SignedHead signed) {
        failing = false;
        status = new Status(HealthState.UP, Optional.of(signed), "entry " + signed.sequence() + " signed at "
                + signed.signedAt() + " with " + signed.keyLabel());
        return status;
    }

    private Status failed(String reason) {
        boolean first;
        Status now;
        synchronized (this) {
            first = !failing;
            failing = true;
            now = new Status(HealthState.DEGRADED, status.lastSigned(), reason);
            status = now;
        }
        if (first) {
            try {
                ledger.record("audit.head.unsigned", "audit-chain", Map.of("reason", reason, "by", "schedule"));
            } catch (RuntimeException e) {
                // a store that cannot take the entry is already reported by the status; nothing more to do here
            }
        }
        return now;
    }
}
