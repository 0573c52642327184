package io.gatehouse.data.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.anomaly.AnomalyType;
import io.gatehouse.data.anomaly.Detection;
import io.gatehouse.data.anomaly.Signal;
import io.gatehouse.data.audit.AuditEntry;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.audit.VerifyProgress;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.PermissionDeniedException;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.review.RetryPolicy;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.TestOperators;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentLogTest {
    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private LocalStore store;
    private AuditLog audit;
    private IncidentLog log;
    private final List<Alert> heard = new ArrayList<>();

    @BeforeEach
    void open() {
        store = LocalStore.open(tmp.resolve("data"));
        LocalOperatorSession lead = TestOperators.lead(clock);
        audit = new AuditLog(store, lead, clock);
        log = new IncidentLog(store, audit, lead, clock, IncidentLog.DEFAULT_REOPEN_WINDOW, true);
        log.addListener(new IncidentLog.Listener() {
            @Override
            public void raised(Alert alert) {
                heard.add(alert);
            }
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Detection detection(Detection.Kind kind, Signal signal, Instant since, Instant at, double confidence) {
        return new Detection(kind, "eu", signal, since, at, confidence, 60, 2);
    }

    @Test
    void anotherSignalOfTheSameTypeExtendsTheAlertWithoutWritingItsNumbersInTheWrongUnit() {
        Instant since = clock.instant();
        log.record(List.of(new Detection(Detection.Kind.OPENED, "eu", Signal.CHECKOUT_ERRORS, since, since, 0.7, 0.2, 0.01)));
        log.record(List.of(new Detection(Detection.Kind.ONGOING, "eu", Signal.P95_LATENCY, since, since.plusSeconds(60),
                0.9, 4.5, 0.8)));
        Alert alert = log.alerts(10).getFirst();
        assertThat(log.alerts(10)).hasSize(1);
        assertThat(alert.signal()).isEqualTo(Signal.CHECKOUT_ERRORS);
        assertThat(alert.observed()).isEqualTo(0.2);
        assertThat(alert.samples()).isEqualTo(2);
        assertThat(alert.confidence()).isEqualTo(0.9);
        assertThat(alert.lastSeen()).isEqualTo(since.plusSeconds(60));
    }

    @Test
    void signedEventsConfirmingAScrapedAlertTakeItOverOnceAndAreAudited() {
        Instant since = clock.instant();
        log.record(List.of(detection(Detection.Kind.OPENED, Signal.LOGIN_FAILURES, since, since, 0.6)));
        log.record(List.of(new Detection(Detection.Kind.OPENED, "eu", Signal.SIGNED_LOGIN_FAILURES, since,
                since.plusSeconds(60), 0.8, 210, 20)));
        log.record(List.of(detection(Detection.Kind.ONGOING, Signal.LOGIN_FAILURES, since, since.plusSeconds(90), 0.7)));
        assertThat(log.alerts(10)).singleElement().satisfies(a -> {
            assertThat(a.signal()).isEqualTo(Signal.SIGNED_LOGIN_FAILURES);
            assertThat(a.observed()).isEqualTo(210);
            assertThat(a.samples()).isEqualTo(3);
        });
        assertThat(heard).hasSize(1);
        assertThat(audit.find(AuditQuery.latest(10))).extracting(AuditEntry::action)
                .containsExactly("alert.corroborated", "alert.raised");
    }

    @Test
    void aStormOfDetectionsIsOneAlertAndEachRaiseIsAudited() {
        Instant since = clock.instant().minus(Duration.ofMinutes(2));
        List<Detection> storm = new ArrayList<>();
        storm.add(detection(Detection.Kind.OPENED, Signal.LOGIN_FAILURES, since, clock.instant(), 0.6));
        for (int i = 1; i <= 500; i++) {
            storm.add(detection(Detection.Kind.ONGOING, Signal.LOGIN_FAILURES, since, clock.instant().plusSeconds(i), 0.9));
        }
        List<Alert> raised = log.record(storm);
        assertThat(raised).hasSize(1);
        assertThat(heard).hasSize(1);
        Alert alert = log.alerts(10).getFirst();
        assertThat(log.alerts(10)).hasSize(1);
        assertThat(alert.type()).isEqualTo(AnomalyType.CREDENTIAL_STUFFING);
        assertThat(alert.since()).isEqualTo(since);
        assertThat(alert.detected()).isEqualTo(clock.instant());
        assertThat(alert.samples()).isEqualTo(501);
        assertThat(alert.confidence()).isEqualTo(0.9);
        assertThat(alert.active()).isTrue();
        assertThat(audit.find(AuditQuery.latest(10))).extracting(AuditEntry::action).containsExactly("alert.raised");
    }

    @Test
    void aFlappingSeriesReopensItsAlertButALaterOneIsNew() {
        Instant t = clock.instant();
        log.record(List.of(detection(Detection.Kind.OPENED, Signal.CHECKOUT_ERRORS, t, t, 0.7)));
        log.record(List.of(detection(Detection.Kind.CLEARED, Signal.CHECKOUT_ERRORS, t, t.plusSeconds(600), 0.7)));
        assertThat(log.alerts(1).getFirst().active()).isFalse();
        // the latency of the same gateway fires 10 minutes later: the same anomaly
        log.record(List.of(detection(Detection.Kind.OPENED, Signal.P95_LATENCY, t.plusSeconds(1200), t.plusSeconds(1200), 0.7)));
        assertThat(log.alerts(10)).hasSize(1);
        assertThat(log.alerts(1).getFirst().active()).isTrue();
        log.record(List.of(detection(Detection.Kind.CLEARED, Signal.P95_LATENCY, t, t.plusSeconds(1800), 0.7)));
        clock.advance(Duration.ofHours(2));
        log.record(List.of(detection(Detection.Kind.OPENED, Signal.CHECKOUT_ERRORS, clock.instant(), clock.instant(), 0.7)));
        assertThat(log.alerts(10)).hasSize(2);
        // newest first
        assertThat(audit.find(AuditQuery.latest(10))).extracting(AuditEntry::action)
                .containsExactly("alert.raised", "alert.cleared", "alert.reopened", "alert.cleared", "alert.raised");
        assertThat(audit.find(AuditQuery.latest(10)).getLast().details()).containsEntry("signal", "CHECKOUT_ERRORS");
    }

    @Test
    void anAlertBecomesAnIncidentWhoseTimesFeedTheResponseMetrics() {
        Instant since = Instant.parse("2026-11-25T09:56:00Z");
        Alert alert = log.record(List.of(detection(Detection.Kind.OPENED, Signal.DECLINES, since, clock.instant(), 0.8)))
                .getFirst();                                           // detected 10:00, 4 min after the start
        clock.advance(Duration.ofMinutes(3));
        assertThat(log.acknowledge(alert.id()).state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThatThrownBy(() -> log.acknowledge(alert.id())).isInstanceOf(IncidentRefusedException.class)
                .hasMessage("Alert " + alert.id() + " was already acknowledged.");
        clock.advance(Duration.ofMinutes(2));
        Incident incident = log.openIncident(alert.id(), true);
        assertThat(incident.started()).isEqualTo(since);
        assertThat(incident.detected()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(incident.acknowledged()).isEqualTo(Instant.parse("2026-11-25T10:03:00Z"));
        assertThat(log.alert(alert.id()).orElseThrow().incidentId()).isEqualTo(incident.id());
        clock.advance(Duration.ofMinutes(15));
        assertThat(log.contain(incident.id()).contained()).isEqualTo(Instant.parse("2026-11-25T10:20:00Z"));
        clock.advance(Duration.ofMinutes(40));
        Incident done = log.recover(incident.id());
        assertThat(done.recovered()).isEqualTo(Instant.parse("2026-11-25T11:00:00Z"));
        assertThat(done.stage()).isEqualTo(IncidentStage.RECOVERED);
        assertThatThrownBy(() -> log.contain(incident.id())).isInstanceOf(IncidentRefusedException.class);
        assertThatThrownBy(() -> log.openIncident(alert.id(), false)).isInstanceOf(IncidentRefusedException.class);
        assertThatThrownBy(() -> log.recover(999)).hasMessage("There is no incident 999.");

        ResponseTimes times = log.between(Instant.parse("2026-11-25T00:00:00Z"), Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(times.incidents()).isEqualTo(1);
        assertThat(times.meanTimeToDetect()).contains(Duration.ofMinutes(4));
        assertThat(times.meanTimeToContain()).contains(Duration.ofMinutes(20));
        assertThat(times.meanTimeToRecover()).contains(Duration.ofMinutes(60));
        assertThat(times.downtime()).isEqualTo(Duration.ofMinutes(64));
        assertThat(log.between(Instant.parse("2026-11-26T00:00:00Z"), Instant.parse("2026-11-27T00:00:00Z")))
                .isEqualTo(ResponseTimes.none());

        assertThat(audit.find(AuditQuery.latest(20))).extracting(AuditEntry::action).containsExactly(
                "incident.recovered", "incident.contained", "incident.opened", "alert.acknowledged", "alert.raised");
        assertThat(audit.verify(VerifyProgress.NONE).intact()).isTrue();
    }

    @Test
    void actingNeedsThePermissionToManageIncidents() {
        LocalOperatorSession analyst = TestOperators.session(clock, Role.ANALYST);
        IncidentLog asAnalyst = new IncidentLog(store, new AuditLog(store, analyst, clock), analyst, clock,
                IncidentLog.DEFAULT_REOPEN_WINDOW, false);
        Alert alert = asAnalyst.record(List.of(detection(Detection.Kind.OPENED, Signal.TOKEN_FAILURES, clock.instant(),
                clock.instant(), 0.8))).getFirst();
        assertThat(asAnalyst.alerts(5)).hasSize(1);
        assertThatThrownBy(() -> asAnalyst.acknowledge(alert.id())).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> asAnalyst.openIncident(alert.id(), false)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void aDownWebhookLosesNoAlertAndIsRetriedWithBackoff() throws Exception {
        Deque<WebhookOutcome> script = new ArrayDeque<>(List.of(
                new WebhookOutcome.Retry(null, "connection refused"),
                new WebhookOutcome.Retry(Duration.ofSeconds(90), "HTTP 429"),
                new WebhookOutcome.Delivered()));
        List<String> posted = new ArrayList<>();
        AlertWebhook webhook = (alert, steps) -> {
            posted.add(alert.type().wireName() + "/" + alert.region() + "/" + steps.size());
            return script.removeFirst();
        };
        AlertNotifications queue = new AlertNotifications(store, clock);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (AlertNotificationSender sender = new AlertNotificationSender(queue, store, webhook, new Runbooks(null), clock,
                RetryPolicy.standard(RandomGenerator.of("L64X128MixRandom")), scheduler)) {
            log.record(List.of(detection(Detection.Kind.OPENED, Signal.LOGIN_FAILURES, clock.instant(), clock.instant(), 0.8)));
            assertThat(sender.drainDue()).isEqualTo(1);
            assertThat(sender.drainDue()).isZero();                     // not due yet: backoff
            clock.advance(Duration.ofSeconds(5));
            assertThat(sender.drainDue()).isEqualTo(1);                  // 429 with Retry-After 90 s
            clock.advance(Duration.ofSeconds(60));
            assertThat(sender.drainDue()).isZero();
            clock.advance(Duration.ofSeconds(31));
            assertThat(sender.drainDue()).isEqualTo(1);
            assertThat(posted).containsOnly("credential_stuffing/eu/6").hasSize(3);
            assertThat(queue.count(AlertNotifications.State.DELIVERED)).isEqualTo(1);
            assertThat(queue.count(AlertNotifications.State.PENDING)).isZero();
        } finally {
            scheduler.shutdownNow();
        }
    }
}
