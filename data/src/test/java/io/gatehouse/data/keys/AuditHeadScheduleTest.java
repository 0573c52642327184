package io.gatehouse.data.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.audit.AuditHeads;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.audit.HeadCheck;
import io.gatehouse.data.health.HealthState;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.TokenException;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.FaultyTokenSession;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.MemoryJwksRegistry;
import io.gatehouse.data.testing.SoftwareToken;
import io.gatehouse.data.testing.TestOperators;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The timed signing of the audit head: signs on each tick, degrades without a token, recovers when it is back. */
class AuditHeadScheduleTest {
    private static final Duration INTERVAL = Duration.ofMinutes(15);

    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private final SoftwareToken softToken = new SoftwareToken("audit");
    private final CapturingScheduler scheduler = new CapturingScheduler();
    private LocalStore store;
    private AuditLog audit;
    private LocalOperatorSession alice;
    private boolean tokenPresent = true;

    @BeforeEach
    void open() {
        store = LocalStore.open(tmp.resolve("data"));
        alice = new LocalOperatorSession(TestOperators.operator("alice", Role.KEY_CUSTODIAN), clock,
                c -> Arrays.equals(c, TestOperators.PASSPHRASE));
        audit = new AuditLog(store, alice, clock);
    }

    @AfterEach
    void close() {
        scheduler.shutdownNow();
        store.close();
    }

    private AuditHeadSchedule schedule() {
        return new AuditHeadSchedule(store, audit, alice, () -> {
            if (!tokenPresent) {
                throw TokenException.tokenRemoved("audit", null);
            }
            return new FaultyTokenSession(softToken);
        }, scheduler, clock, INTERVAL);
    }

    private void auditRing() {
        KeyCustody custody = new KeyCustody(store, audit, alice, softToken, new MemoryJwksRegistry(), clock);
        custody.createRing(KeyCustody.AUDIT_RING, RotationPolicy.defaults(KeyAlgorithm.EC_P256));
        custody.rotate(KeyCustody.AUDIT_RING);
    }

    private HeadCheck heads() {
        return new AuditHeads(store, alice, clock).verify();
    }

    private long unsignedEntries() {
        return audit.find(new AuditQuery(null, "audit.head.unsigned", null, null, null, 50)).size();
    }

    @Test
    void startRunsAtOnceAndThenEveryIntervalOnTheInjectedScheduler() {
        auditRing();
        AuditHeadSchedule schedule = schedule();
        schedule.start();
        schedule.start();
        assertThat(scheduler.scheduled).isEqualTo(1);
        assertThat(scheduler.initialDelay).isZero();
        assertThat(scheduler.period).isEqualTo(INTERVAL.toMillis());
        int before = heads().signedHeads();

        audit.append("review.decision", "order/1", java.util.Map.of());
        scheduler.task.run();
        clock.advance(INTERVAL);
        audit.append("review.decision", "order/2", java.util.Map.of());
        scheduler.task.run();

        HeadCheck check = heads();
        assertThat(check.ok()).isTrue();
        assertThat(check.signedHeads()).isEqualTo(before + 2);
        assertThat(check.lastSignedSequence()).isEqualTo(audit.find(AuditQuery.latest(1)).getFirst().sequence());
        assertThat(schedule.check().state()).isEqualTo(HealthState.UP);
        assertThat(schedule.check().detail()).contains("audit-chain-v1");
        schedule.stop();
        assertThat(scheduler.cancelled).isTrue();
    }

    @Test
    void aMissingTokenDegradesHealthAuditsTheOutageOnceAndRecovers() {
        auditRing();
        AuditHeadSchedule schedule = schedule();
        assertThat(schedule.check().state()).isEqualTo(HealthState.UNKNOWN);
        assertThat(schedule.signNow().state()).isEqualTo(HealthState.UP);

        tokenPresent = false;
        clock.advance(INTERVAL);
        AuditHeadSchedule.Status failed = schedule.signNow();
        assertThat(failed.state()).isEqualTo(HealthState.DEGRADED);
        assertThat(failed.detail()).contains("could not be signed with audit-chain-v1").contains("removed");
        assertThat(failed.lastSigned()).isPresent();
        clock.advance(INTERVAL);
        schedule.signNow();
        assertThat(schedule.check().state()).isEqualTo(HealthState.DEGRADED);
        assertThat(unsignedEntries()).as("one entry per outage, not per tick").isEqualTo(1);

        tokenPresent = true;
        clock.advance(INTERVAL);
        assertThat(schedule.signNow().state()).isEqualTo(HealthState.UP);
        assertThat(schedule.check().state()).isEqualTo(HealthState.UP);
        assertThat(heads().ok()).isTrue();
        assertThat(audit.verify(io.gatehouse.data.audit.VerifyProgress.NONE).intact()).isTrue();
    }

    @Test
    void withoutAnAuditRingItSaysHowToMakeOne() {
        AuditHeadSchedule schedule = schedule();
        AuditHeadSchedule.Status status = schedule.signNow();
        assertThat(status.state()).isEqualTo(HealthState.DEGRADED);
        assertThat(status.detail()).contains("gatehouse keys rotate audit-chain --create");
    }

    @Test
    void aSignatureOlderThanTwoIntervalsIsDegradedEvenWithoutAFailure() {
        auditRing();
        AuditHeadSchedule schedule = schedule();
        schedule.signNow();
        clock.advance(INTERVAL.multipliedBy(2).plusSeconds(1));
        assertThat(schedule.check().state()).isEqualTo(HealthState.DEGRADED);
        assertThat(schedule.check().detail()).contains("more than two intervals ago");
    }

    /** Records what was scheduled instead of running it, so the test decides when a tick happens. */
    private static final class CapturingScheduler extends ScheduledThreadPoolExecutor {
        Runnable task;
        long initialDelay = -1;
        long period;
        int scheduled;
        boolean cancelled;

        CapturingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long delay, long every, TimeUnit unit) {
            task = command;
            initialDelay = unit.toMillis(delay);
            period = unit.toMillis(every);
            scheduled++;
            ScheduledFuture<?> idle = super.schedule(() -> { }, 1, TimeUnit.DAYS);
            return new java.util.concurrent.ScheduledFuture<Object>() {
                @Override
                public long getDelay(TimeUnit u) {
                    return idle.getDelay(u);
                }

                @Override
                public int compareTo(java.util.concurrent.Delayed o) {
                    return idle.compareTo(o);
                }

                @Override
                public boolean cancel(boolean mayInterrupt) {
                    cancelled = true;
                    return idle.cancel(mayInterrupt);
                }

                @Override
                public boolean isCancelled() {
                    return idle.isCancelled();
                }

                @Override
                public boolean isDone() {
                    return idle.isDone();
                }

                @Override
                public Object get() {
                    throw new UnsupportedOperationException("never waited on");
                }

                @Override
                public Object get(long timeout, TimeUnit u) {
                    throw new UnsupportedOperationException("never waited on");
                }
            };
        }
    }
}
