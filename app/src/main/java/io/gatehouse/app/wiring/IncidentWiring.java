package io.gatehouse.app.wiring;

import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.incidents.SlackWebhook;
import io.gatehouse.connectors.telemetry.SandboxMetricsSource;
import io.gatehouse.connectors.telemetry.SandboxObservations;
import io.gatehouse.data.anomaly.AnomalyDetector;
import io.gatehouse.data.anomaly.AnomalySettings;
import io.gatehouse.data.anomaly.KpiObservations;
import io.gatehouse.data.anomaly.ObservationSource;
import io.gatehouse.data.anomaly.ObservationSources;
import io.gatehouse.data.telemetry.TelemetrySource;
import io.gatehouse.data.incidents.AlertNotificationSender;
import io.gatehouse.data.incidents.AlertNotifications;
import io.gatehouse.data.incidents.AlertWebhook;
import io.gatehouse.data.incidents.DetectionCycle;
import io.gatehouse.data.incidents.IncidentLog;
import io.gatehouse.data.incidents.Runbooks;
import io.gatehouse.data.incidents.WebhookOutcome;
import io.gatehouse.data.review.RetryPolicy;
import io.gatehouse.data.secrets.Secret;
import io.gatehouse.data.time.Sleeper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * The incident log, and in sandbox mode the detector on the sandbox's metrics: once per simulated
 * minute (at least once a wall second) the metrics are read in simulated time and judged. New alerts
 * are queued for the on-call webhook when one is configured; its URL is read from the secret store
 * when a notification is sent, so a locked store delays notifications and loses none. Everything runs
 * on the console's scheduler and stops with it.
 */
final class IncidentWiring {
    private static final System.Logger LOG = System.getLogger(IncidentWiring.class.getName());
    private static final Duration DETECTION_WINDOW = Duration.ofMinutes(2);
    /** A turn a minute on a real source: its rates are over the 5-minute window of the KPI expressions. */
    private static final Duration PROMETHEUS_TURN = Duration.ofMinutes(1);
    private static final Duration PROMETHEUS_WINDOW = Duration.ofMinutes(5);

    private final IncidentLog log;

    private IncidentWiring(IncidentLog log) {
        this.log = log;
    }

    /**
     * @param telemetry the configured telemetry source when it is not the sandbox (Prometheus), or
     *                  null; the detector then judges its KPIs once a minute
     * @param events    the signed security event stream, or null; the same detector judges its verified
     *                  counts in the same turns, so an attack seen by both is one alert
     */
    static IncidentWiring open(Composition composition, SandboxRuntime sandbox, TelemetrySource telemetry,
            SecurityEventWiring events, InstantSource clock, ScheduledExecutorService scheduler) {
        Optional<String> webhookSecret = composition.config().webhookSecret();
        Runbooks runbooks = Runbooks.inDataDirectory(composition.directories().dataDirectory());
        // the sandbox's alerts start in simulated time, so their incidents are stamped in it too,
        // or a time to contain could come out negative at speed 60
        InstantSource incidentClock = sandbox == null ? clock : () -> sandbox.server().simulatedNow();
        IncidentLog log = new IncidentLog(composition.store(), composition.auditLog(), composition.session(), incidentClock,
                IncidentLog.DEFAULT_REOPEN_WINDOW, webhookSecret.isPresent(), runbooks);
        AlertNotificationSender sender = null;
        if (webhookSecret.isPresent()) {
            sender = new AlertNotificationSender(new AlertNotifications(composition.store(), clock), composition.store(),
                    webhookFromSecret(composition, webhookSecret.get(), clock), runbooks, clock,
                    RetryPolicy.standard(RandomGenerator.of("L64X128MixRandom")), scheduler);
            AlertNotificationSender kicked = sender;
            log.addListener(new IncidentLog.Listener() {
                @Override
                public void raised(io.gatehouse.data.incidents.Alert alert) {
                    kicked.kick();
                }
            });
            sender.kick(); // notifications left by an earlier run go out now
        }
        if (sandbox != null) {
            // a real backend's events are stamped in real time, the sandbox's turns in simulated time:
            // those are judged in turns of their own at the console's clock
            boolean sameTime = events != null && events.simulatedTime();
            detectOnSandbox(composition, sandbox, sameTime ? events : null, log, scheduler);
            if (events != null && !sameTime) {
                detectOn(null, events, composition, log, clock, scheduler);
            }
        } else if (telemetry != null || events != null) {
            detectOn(telemetry, events, composition, log, clock, scheduler);
        }
        return new IncidentWiring(log);
    }

    private static void detectOnSandbox(Composition composition, SandboxRuntime sandbox, SecurityEventWiring events,
            IncidentLog log, ScheduledExecutorService scheduler) {
        double speed = composition.config().activeProfile().sandbox().speedOrDefault();
        long periodMillis = Math.max(1000, (long) (60_000 / speed));
        // faster than a simulated minute a second, turns are further apart in simulated time: the window
        // must still hold the two readings a rate needs
        Duration window = Duration.ofMillis(Math.max(DETECTION_WINDOW.toMillis(), (long) (2.5 * periodMillis * speed)));
        InstantSource simulated = () -> sandbox.server().simulatedNow();
        UpstreamClient client = new UpstreamClient("Sandbox metrics", HttpClients.standard(null), simulated,
                Sleeper.system(), RandomGenerator.of("L64X128MixRandom"), 1, Duration.ofSeconds(10));
        SandboxMetricsSource metrics = new SandboxMetricsSource(client, sandbox.baseUrl(), simulated, window, 8);
        DetectionCycle cycle = new DetectionCycle(ObservationSources.combined(new SandboxObservations(metrics, window),
                events == null ? null : events.observations(window)),
                new AnomalyDetector(composition.config().anomalySettings()), log);
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                sandbox.startDueScenarios();
                Instant at;
                try {
                    at = metrics.scrape();
                } catch (RuntimeException e) {
                    // the signed events are judged even when a scrape fails: they come by another path
                    LOG.log(System.Logger.Level.WARNING, "Reading the sandbox's metrics failed this turn: " + e.getMessage());
                    at = sandbox.server().simulatedNow();
                }
                cycle.runAt(at);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Anomaly detection on the sandbox failed this turn: " + e.getMessage());
            }
        }, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * The detector on any telemetry source's KPIs (Prometheus and the servers that speak its API) and on
     * the signed events, either of which may be missing: one turn a minute at the console's clock, counts
     * recovered from the rates over the detection window.
     */
    private static void detectOn(TelemetrySource telemetry, SecurityEventWiring events, Composition composition,
            IncidentLog log, InstantSource clock, ScheduledExecutorService scheduler) {
        DetectionCycle cycle = detectionCycle(telemetry, events == null ? null : events.observations(PROMETHEUS_WINDOW),
                composition.config().anomalySettings(), log);
        String name = telemetry == null ? "the signed security events" : telemetry.name();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                cycle.runAt(clock.instant());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Anomaly detection on " + name + " failed this turn: "
                        + e.getMessage());
            }
        }, 0, PROMETHEUS_TURN.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The detection cycle over a telemetry source's KPIs; shared with the tests. */
    static DetectionCycle detectionCycle(TelemetrySource telemetry, AnomalySettings settings, IncidentLog log) {
        return detectionCycle(telemetry, null, settings, log);
    }

    /** The detection cycle over a telemetry source's KPIs and the signed events, either possibly null. */
    static DetectionCycle detectionCycle(TelemetrySource telemetry, ObservationSource signed, AnomalySettings settings,
            IncidentLog log) {
        return new DetectionCycle(ObservationSources.combined(
                telemetry == null ? null : new KpiObservations(telemetry, PROMETHEUS_WINDOW), signed),
                new AnomalyDetector(settings), log);
    }

    private static AlertWebhook webhookFromSecret(Composition composition, String secretName, InstantSource clock) {
        UpstreamClient client = new UpstreamClient("On-call webhook", HttpClients.standard(null), clock, Sleeper.system(),
                RandomGenerator.of("L64X128MixRandom"), 1, Duration.ofSeconds(10));
        return (alert, steps) -> {
            Optional<Secret> secret = composition.secrets().current().flatMap(store -> store.get(secretName));
            if (secret.isEmpty()) {
                return new WebhookOutcome.Retry(Duration.ofMinutes(1), "the secret store is locked or has no secret '"
                        + secretName + "'; unlock it under Connections");
            }
            URI url;
            try (Secret s = secret.get()) {
                url = URI.create(new String(s.chars()).strip());
            } catch (IllegalArgumentException e) {
                return new WebhookOutcome.Refused("the secret '" + secretName + "' is not a URL");
            }
            return new SlackWebhook(client, url).post(alert, steps);
        };
    }

    IncidentLog log() {
        return log;
    }
}
