package io.gatehouse.data.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.anomaly.AnomalyDetector;
import io.gatehouse.data.anomaly.AnomalySettings;
import io.gatehouse.data.anomaly.AnomalyType;
import io.gatehouse.data.anomaly.Observation;
import io.gatehouse.data.anomaly.ObservationSource;
import io.gatehouse.data.anomaly.ObservationSources;
import io.gatehouse.data.anomaly.Signal;
import io.gatehouse.data.audit.AuditEntry;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.incidents.Alert;
import io.gatehouse.data.incidents.DetectionCycle;
import io.gatehouse.data.incidents.IncidentLog;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.telemetry.HubLimits;
import io.gatehouse.data.telemetry.TelemetryHub;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.TestOperators;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verified events reach the alerts: a simulated backend relays one signed tally per region, type
 * and minute (as the sandbox does), the detector judges them turn by turn on a manual clock, and
 * the incident log raises, folds and audits.
 */
class SignedEventDetectionTest {
    private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");
    private static final List<String> REGIONS = List.of("eu", "na", "apac");
    private static final Duration WINDOW = Duration.ofMinutes(2);
    private static final Duration GRACE = Duration.ofMinutes(1);

    @TempDir
    Path tmp;

    private final ManualClock clock = new ManualClock(START);
    private final TelemetryHub hub = new TelemetryHub(HubLimits.DEFAULT, clock);
    private final SecurityEventSignals signals = new SecurityEventSignals(hub);
    private final AtomicBoolean streamOpen = new AtomicBoolean(true);
    private final SplittableRandom random = new SplittableRandom(42);
    /** What the backend counted per region and type in the minute ending at the key's instant. */
    private final Map<String, Long> lastMinute = new HashMap<>();
    private LocalStore store;
    private AuditLog audit;
    private IncidentLog log;
    private long nextId;

    @BeforeEach
    void open() {
        store = LocalStore.open(tmp.resolve("data"));
        LocalOperatorSession lead = TestOperators.lead(clock);
        audit = new AuditLog(store, lead, clock);
        log = new IncidentLog(store, audit, lead, clock, IncidentLog.DEFAULT_REOPEN_WINDOW, false);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SignedEventObservations signed() {
        return new SignedEventObservations(signals, hub, WINDOW, GRACE, streamOpen::get);
    }

    private long poisson(double mean) {
        double l = Math.exp(-mean);
        double p = 1;
        long k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /** The backend's tallies of the minute ending at {@code end}, relayed as signed events. */
    private void relayMinute(Instant end, String burstRegion, String burstType, long burst) {
        for (String region : REGIONS) {
            for (String type : List.of("login_failures", "token_validation_failures")) {
                long count = poisson(type.equals("login_failures") ? 20 : 0.3);
                if (region.equals(burstRegion) && type.equals(burstType)) {
                    count += burst;
                }
                lastMinute.put(region + "/" + type, count);
                if (count > 0) {
                    signals.accept(new SecurityEvent("sev_" + ++nextId, type, region, end, count));
                }
            }
        }
    }

    /**
     * Runs the minutes from the start to {@code minutes}, with a burst from {@code attackMinute} on;
     * a turn runs ten seconds after each minute's events arrive. Returns the alerts raised, by turn.
     */
    private Map<Instant, List<Alert>> run(DetectionCycle cycle, int minutes, int attackMinute, String burstType,
            long burst) {
        Map<Instant, List<Alert>> raised = new java.util.TreeMap<>();
        for (int m = 1; m <= minutes; m++) {
            Instant end = START.plus(Duration.ofMinutes(m));
            boolean attacking = attackMinute > 0 && m > attackMinute;
            relayMinute(end, attacking ? "eu" : null, burstType, burst);
            Instant turn = end.plusSeconds(10);
            clock.set(turn);
            List<Alert> alerts = cycle.runAt(turn);
            if (!alerts.isEmpty()) {
                raised.put(turn, alerts);
            }
        }
        return raised;
    }

    private DetectionCycle cycle(ObservationSource source) {
        return new DetectionCycle(source, new AnomalyDetector(AnomalySettings.standard()), log);
    }

    @Test
    void aBurstOfSignedLoginFailuresRaisesCredentialStuffingWithinFiveMinutesAndNothingBefore() {
        int attack = 6 * 60;
        Instant attackStart = START.plus(Duration.ofMinutes(attack));
        Map<Instant, List<Alert>> raised = run(cycle(signed()), attack + 10, attack, "login_failures", 400);

        assertThat(raised).hasSize(1);
        Map.Entry<Instant, List<Alert>> first = raised.entrySet().iterator().next();
        Alert alert = first.getValue().getFirst();
        assertThat(alert.type()).isEqualTo(AnomalyType.CREDENTIAL_STUFFING);
        assertThat(alert.signal()).isEqualTo(Signal.SIGNED_LOGIN_FAILURES);
        assertThat(alert.region()).isEqualTo("eu");
        assertThat(alert.since()).isAfter(attackStart);
        assertThat(Duration.between(attackStart, alert.detected())).isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(log.alerts(10)).hasSize(1);
        assertThat(log.alerts(10).getFirst().samples()).isGreaterThan(3);
        assertThat(log.alerts(10).getFirst().observed()).isGreaterThan(300);
    }

    @Test
    void signedTokenValidationFailuresRaiseTokenReplay() {
        int attack = 6 * 60;
        Instant attackStart = START.plus(Duration.ofMinutes(attack));
        Map<Instant, List<Alert>> raised = run(cycle(signed()), attack + 10, attack, "token_validation_failures", 40);

        assertThat(raised.values()).flatExtracting(l -> l).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AnomalyType.TOKEN_REPLAY);
            assertThat(a.signal()).isEqualTo(Signal.SIGNED_TOKEN_FAILURES);
            assertThat(a.region()).isEqualTo("eu");
            assertThat(Duration.between(attackStart, a.detected())).isLessThanOrEqualTo(Duration.ofMinutes(5));
        });
    }

    @Test
    void theScrapedAndTheSignedDetectionOfOneAttackAreOneAlertThatNamesTheSignedEvents() {
        // the scraped telemetry counts the same minutes, and sees them a minute sooner (no grace)
        ObservationSource scraped = at -> {
            List<Observation> out = new ArrayList<>();
            for (String region : REGIONS) {
                out.add(new Observation(region, Signal.LOGIN_FAILURES, at,
                        lastMinute.getOrDefault(region + "/login_failures", 0L), 1));
            }
            return out;
        };
        int attack = 6 * 60;
        Map<Instant, List<Alert>> raised = run(cycle(ObservationSources.combined(scraped, signed())), attack + 10, attack,
                "login_failures", 400);

        assertThat(raised.values()).flatExtracting(l -> l).singleElement()
                .satisfies(a -> assertThat(a.signal()).isEqualTo(Signal.LOGIN_FAILURES));
        List<Alert> alerts = log.alerts(10);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AnomalyType.CREDENTIAL_STUFFING);
            assertThat(a.signal()).isEqualTo(Signal.SIGNED_LOGIN_FAILURES);
        });
        assertThat(audit.find(AuditQuery.latest(50))).extracting(AuditEntry::action)
                .containsOnlyOnce("alert.raised", "alert.corroborated");
    }

    @Test
    void whileTheStreamIsDownNothingIsObservedSoTheBaselineLearnsNoFalseCalm() {
        relayMinute(START.plus(Duration.ofMinutes(1)), null, null, 0);
        relayMinute(START.plus(Duration.ofMinutes(2)), null, null, 0);
        streamOpen.set(false);
        assertThat(signed().observe(START.plus(Duration.ofMinutes(3)))).isEmpty();
        streamOpen.set(true);
        List<Observation> seen = signed().observe(START.plus(Duration.ofMinutes(3)));
        assertThat(seen).filteredOn(o -> o.signal() == Signal.SIGNED_LOGIN_FAILURES).hasSize(3)
                .allSatisfy(o -> assertThat(o.exposure()).isEqualTo(2.0));
        assertThat(seen).filteredOn(o -> o.region().equals("eu") && o.signal() == Signal.SIGNED_LOGIN_FAILURES)
                .singleElement().satisfies(o -> assertThat(o.events()).isEqualTo(
                        (double) lastMinute.get("eu/login_failures") + countOfFirstMinute("eu")));
    }

    private double countOfFirstMinute(String region) {
        return signals.totals().get(region).get("login_failures") - lastMinute.get(region + "/login_failures");
    }
}
