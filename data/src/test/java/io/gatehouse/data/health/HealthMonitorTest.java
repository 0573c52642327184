package io.gatehouse.data.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InstantSource clock = now::get;
    private final ScriptedProbe telemetry = new ScriptedProbe("Prometheus", ConnectionKind.TELEMETRY);
    private final ScriptedProbe token = new ScriptedProbe("Token", ConnectionKind.TOKEN);

    @Test
    void everyConnectionStartsUnknownSinceConstruction() {
        HealthMonitor monitor = monitor();

        assertThat(monitor.current()).extracting(ConnectionHealth::connection, ConnectionHealth::state, ConnectionHealth::since)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Prometheus", HealthState.UNKNOWN, T0),
                        org.assertj.core.groups.Tuple.tuple("Token", HealthState.UNKNOWN, T0));
    }

    @Test
    void sinceMovesOnlyWhenTheStateChanges() {
        HealthMonitor monitor = monitor();
        telemetry.next = new HealthProbe.Result(HealthState.UP, "200 OK");
        now.set(T0.plusSeconds(10));
        monitor.checkNow();
        assertThat(health(monitor, "Prometheus").since()).isEqualTo(T0.plusSeconds(10));

        now.set(T0.plusSeconds(20));
        telemetry.next = new HealthProbe.Result(HealthState.UP, "200 OK, 40 ms");
        monitor.checkNow();
        assertThat(health(monitor, "Prometheus").since()).isEqualTo(T0.plusSeconds(10));
        assertThat(health(monitor, "Prometheus").detail()).isEqualTo("200 OK, 40 ms");

        now.set(T0.plusSeconds(30));
        telemetry.next = new HealthProbe.Result(HealthState.DEGRADED, "slow");
        monitor.checkNow();
        assertThat(health(monitor, "Prometheus").state()).isEqualTo(HealthState.DEGRADED);
        assertThat(health(monitor, "Prometheus").since()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void aThrowingProbeCountsAsDown() {
        HealthMonitor monitor = monitor();
        token.failure = new IllegalStateException("slot gone");

        monitor.checkNow();

        assertThat(health(monitor, "Token").state()).isEqualTo(HealthState.DOWN);
        assertThat(health(monitor, "Token").detail()).contains("slot gone");
    }

    @Test
    void listenersGetTheCurrentStateAtOnceAndThenOnlyChanges() {
        HealthMonitor monitor = monitor();
        List<List<ConnectionHealth>> seen = new CopyOnWriteArrayList<>();
        Runnable unsubscribe = monitor.subscribe(seen::add);
        assertThat(seen).hasSize(1);

        monitor.checkNow();
        assertThat(seen).hasSize(1);

        telemetry.next = new HealthProbe.Result(HealthState.DOWN, "connection refused");
        monitor.checkNow();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1).get(0).state()).isEqualTo(HealthState.DOWN);

        unsubscribe.run();
        telemetry.next = new HealthProbe.Result(HealthState.UP, "");
        monitor.checkNow();
        assertThat(seen).hasSize(2);
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        HealthMonitor monitor = monitor();
        monitor.subscribe(snapshot -> {
            throw new IllegalStateException("listener bug");
        });
        List<List<ConnectionHealth>> seen = new CopyOnWriteArrayList<>();
        monitor.subscribe(seen::add);

        telemetry.next = new HealthProbe.Result(HealthState.UP, "");
        monitor.checkNow();

        assertThat(seen).hasSize(2);
    }

    @Test
    void startRunsTheFirstRoundOnTheSchedulerAndStopCancels() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            HealthMonitor monitor = new HealthMonitor(List.of(telemetry), scheduler, clock, Duration.ofHours(1));
            telemetry.next = new HealthProbe.Result(HealthState.UP, "");
            CountDownLatch up = new CountDownLatch(1);
            AtomicReference<Thread> checkingThread = new AtomicReference<>();
            monitor.subscribe(snapshot -> {
                if (snapshot.get(0).state() == HealthState.UP) {
                    checkingThread.set(Thread.currentThread());
                    up.countDown();
                }
            });

            monitor.start();
            monitor.start();

            assertThat(up.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(checkingThread.get()).isNotSameAs(Thread.currentThread());
            assertThat(monitor.running()).isTrue();
            monitor.stop();
            assertThat(monitor.running()).isFalse();
        } finally {
            scheduler.shutdownNow();
        }
    }

    private HealthMonitor monitor() {
        return new HealthMonitor(List.of(telemetry, token), Executors.newSingleThreadScheduledExecutor(), clock, Duration.ofSeconds(15));
    }

    private static ConnectionHealth health(HealthMonitor monitor, String name) {
        return monitor.current().stream().filter(h -> h.connection().equals(name)).findFirst().orElseThrow();
    }

    private static final class ScriptedProbe implements HealthProbe {
        private final String name;
        private final ConnectionKind kind;
        volatile Result next = new Result(HealthState.UNKNOWN, "");
        volatile RuntimeException failure;

        ScriptedProbe(String name, ConnectionKind kind) {
            this.name = name;
            this.kind = kind;
        }

        @Override
        public String connection() {
            return name;
        }

        @Override
        public ConnectionKind kind() {
            return kind;
        }

        @Override
        public Result check() {
            if (failure != null) {
                throw failure;
            }
            return next;
        }
    }
}
