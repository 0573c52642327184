package io.gatehouse.data.incidents;

import io.gatehouse.data.anomaly.Detection;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.operator.OperatorSession;
import io.gatehouse.data.operator.Permission;
import io.gatehouse.data.store.LocalStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The alerts and incidents, kept in the local store, every change audited. Detections become
 * alerts here: while an alert for the same region and type is active, or cleared less than the
 * reopen window ago, further detections update it instead of raising another, so a storm of
 * samples (or a flapping series) is one alert. Reading needs {@link Permission#VIEW_TELEMETRY},
 * acting needs {@link Permission#MANAGE_INCIDENTS}.
 */
public final class IncidentLog implements IncidentDesk {
    /** A cleared alert that fires again within this window is the same alert, not a new one. */
    public static final Duration DEFAULT_REOPEN_WINDOW = Duration.ofMinutes(30);

    /** Hears about changes; called on the thread that made the change, after the commit, so keep it short. */
    public interface Listener {
        /** A new alert was raised (not an update of an existing one). */
        default void raised(Alert alert) {
        }

        /** Some alert or incident changed. */
        default void changed() {
        }
    }

    private final LocalStore store;
    private final AuditLog audit;
    private final OperatorSession session;
    private final InstantSource clock;
    private final Duration reopenWindow;
    private final boolean notifyWebhook;
    private final Runbooks runbooks;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param notifyWebhook true when a webhook is configured: each new alert then queues a notification
     *                      in the same transaction, so none is lost if the console stops before it is sent
     */
    public IncidentLog(LocalStore store, AuditLog audit, OperatorSession session, InstantSource clock,
            Duration reopenWindow, boolean notifyWebhook) {
        this(store, audit, session, clock, reopenWindow, notifyWebhook, new Runbooks(null));
    }

    /** @param runbooks where the remediation steps are read, shipped or overridden in the data directory */
    public IncidentLog(LocalStore store, AuditLog audit, OperatorSession session, InstantSource clock,
            Duration reopenWindow, boolean notifyWebhook, Runbooks runbooks) {
        this.runbooks = Objects.requireNonNull(runbooks, "runbooks");
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.session = Objects.requireNonNull(session, "session");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reopenWindow = Objects.requireNonNull(reopenWindow, "reopenWindow");
        this.notifyWebhook = notifyWebhook;
    }

    @Override
    public List<String> remediation(io.gatehouse.data.anomaly.AnomalyType type) {
        session.require(Permission.VIEW_TELEMETRY);
        return runbooks.steps(type);
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /**
     * Folds the detector's detections into the alerts, in one transaction; returns the alerts newly
     * raised. Called by the detector's driver, not by an operator, so it checks no permission.
     */
    public List<Alert> record(List<Detection> detections) {
        if (detections.isEmpty()) {
            return List.of();
        }
        List<Alert> raised = store.write(c -> {
            List<Alert> out = new ArrayList<>();
            for (Detection d : detections) {
                fold(c, d).ifPresent(out::add);
            }
            return out;
        });
        for (Listener l : listeners) {
            raised.forEach(l::raised);
            l.changed();
        }
        return raised;
    }

    private Optional<Alert> fold(Connection c, Detection d) throws SQLException {
        Optional<Alert> latest = AlertRows.alerts(c, "WHERE region = ? AND type = ? ORDER BY id DESC LIMIT 1",
                d.region(), d.type().name()).stream().findFirst();
        boolean sameAnomaly = latest.isPresent() && (latest.get().active()
                || latest.get().clearedAt().plus(reopenWindow).isAfter(d.at()));
        switch (d.kind()) {
            case OPENED, ONGOING -> {
                if (sameAnomaly) {
                    Alert a = latest.get();
                    // the backend's signed events are the stronger evidence: when they confirm an alert the
                    // scraped telemetry raised, the alert names them; another signal of the same type only
                    // extends it, as its numbers are in another unit or from another source
                    boolean corroborated = d.signal().signedEvents() && !a.signal().signedEvents();
                    if (corroborated || d.signal() == a.signal()) {
                        AlertRows.update(c, "UPDATE alerts SET last_seen_ms = ?, cleared_ms = NULL, samples = samples + 1,"
                                + " confidence = GREATEST(confidence, ?), observed = ?, expected = ?, signal = ? WHERE id = ?",
                                d.at(), d.confidence(), d.observed(), d.expected(), d.signal().name(), a.id());
                    } else {
                        AlertRows.update(c, "UPDATE alerts SET last_seen_ms = ?, cleared_ms = NULL, samples = samples + 1,"
                                + " confidence = GREATEST(confidence, ?) WHERE id = ?", d.at(), d.confidence(), a.id());
                    }
                    if (corroborated) {
                        audit.appendIn(c, "alert.corroborated", "alert/" + a.id(), Map.of("signal", d.signal().name(),
                                "raisedBy", a.signal().name()), null);
                    }
                    if (!a.active()) {
                        audit.appendIn(c, "alert.reopened", "alert/" + a.id(), Map.of("signal", d.signal().name()), null);
                    }
                    return Optional.empty();
                }
                if (d.kind() == Detection.Kind.ONGOING) {
                    return Optional.empty(); // its opening was folded into an alert now closed for good
                }
                Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                Instant detected = now.isBefore(d.at()) ? d.at() : now;
                Alert fresh = new Alert(0, d.type(), d.region(), d.signal(), d.since(), detected, d.at(), null,
                        d.confidence(), d.observed(), d.expected(), 1, AlertState.OPEN, null, null, 0);
                long id = AlertRows.insertAlert(c, fresh);
                audit.appendIn(c, "alert.raised", "alert/" + id, Map.of("type", d.type().wireName(), "region", d.region(),
                        "signal", d.signal().name(), "since", d.since().toString(),
                        "confidence", String.format(java.util.Locale.ROOT, "%.2f", d.confidence())), null);
                if (notifyWebhook) {
                    AlertNotifications.enqueueIn(c, id, now);
                }
                return AlertRows.alert(c, id);
            }
            case CLEARED -> {
                if (latest.isPresent() && latest.get().active()) {
                    AlertRows.update(c, "UPDATE alerts SET cleared_ms = ? WHERE id = ?", d.at(), latest.get().id());
                    audit.appendIn(c, "alert.cleared", "alert/" + latest.get().id(), Map.of(), null);
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The most recent alerts, newest first. */
    @Override
    public List<Alert> alerts(int limit) {
        session.require(Permission.VIEW_TELEMETRY);
        return store.read(c -> AlertRows.alerts(c, "ORDER BY id DESC LIMIT ?", limit));
    }

    public Optional<Alert> alert(long id) {
        session.require(Permission.VIEW_TELEMETRY);
        return store.read(c -> AlertRows.alert(c, id));
    }

    /** The most recent incidents, newest first. */
    @Override
    public List<Incident> incidents(int limit) {
        session.require(Permission.VIEW_TELEMETRY);
        return store.read(c -> AlertRows.incidents(c, "ORDER BY id DESC LIMIT ?", limit));
    }

    /** Takes ownership of an open alert. */
    @Override
    public Alert acknowledge(long alertId) {
        session.require(Permission.MANAGE_INCIDENTS);
        Alert a = write(c -> {
            Alert alert = existing(c, alertId);
            if (alert.state() != AlertState.OPEN) {
                throw new IncidentRefusedException("Alert " + alertId + " was already acknowledged.");
            }
            AlertRows.update(c, "UPDATE alerts SET state = ?, acknowledged_ms = ?, acknowledged_by = ? WHERE id = ?",
                    AlertState.ACKNOWLEDGED.name(), now(), session.operator().id(), alertId);
            audit.appendIn(c, "alert.acknowledged", "alert/" + alertId, Map.of(), null);
            return AlertRows.alert(c, alertId).orElseThrow();
        });
        return a;
    }

    /**
     * Makes an incident of an alert. Its start is the anomaly's start and its detection the alert's;
     * making it acknowledges the alert if nobody had.
     *
     * @param outage true when checkouts are impaired, so the incident counts as downtime
     */
    @Override
    public Incident openIncident(long alertId, boolean outage) {
        session.require(Permission.MANAGE_INCIDENTS);
        return write(c -> {
            Alert alert = existing(c, alertId);
            if (alert.state() == AlertState.INCIDENT) {
                throw new IncidentRefusedException("Alert " + alertId + " is already incident " + alert.incidentId() + ".");
            }
            Instant now = now();
            Instant acknowledged = alert.acknowledgedAt() != null ? alert.acknowledgedAt() : now;
            Incident draft = new Incident(0, alertId, alert.type(), alert.region(), alert.since(), alert.detected(),
                    acknowledged, null, null, outage);
            long id = AlertRows.insertIncident(c, draft);
            AlertRows.update(c, "UPDATE alerts SET state = ?, incident_id = ?, acknowledged_ms = ?,"
                    + " acknowledged_by = COALESCE(acknowledged_by, ?) WHERE id = ?",
                    AlertState.INCIDENT.name(), id, acknowledged, session.operator().id(), alertId);
            audit.appendIn(c, "incident.opened", "incident/" + id, Map.of("alert", Long.toString(alertId),
                    "outage", Boolean.toString(outage), "started", alert.since().toString()), null);
            return AlertRows.incident(c, id).orElseThrow();
        });
    }

    /** Records that the incident is contained: the attack or failure no longer spreads. */
    @Override
    public Incident contain(long incidentId) {
        session.require(Permission.MANAGE_INCIDENTS);
        return write(c -> {
            Incident i = existingIncident(c, incidentId);
            if (i.contained() != null) {
                throw new IncidentRefusedException("Incident " + incidentId + " was already contained.");
            }
            AlertRows.update(c, "UPDATE incidents SET contained_ms = ? WHERE id = ?", now(), incidentId);
            audit.appendIn(c, "incident.contained", "incident/" + incidentId, Map.of(), null);
            return AlertRows.incident(c, incidentId).orElseThrow();
        });
    }

    /** Records that service is back to normal; an incident not yet contained is contained at the same moment. */
    @Override
    public Incident recover(long incidentId) {
        session.require(Permission.MANAGE_INCIDENTS);
        return write(c -> {
            Incident i = existingIncident(c, incidentId);
            if (i.recovered() != null) {
                throw new IncidentRefusedException("Incident " + incidentId + " was already recovered.");
            }
            Instant now = now();
            AlertRows.update(c, "UPDATE incidents SET contained_ms = COALESCE(contained_ms, ?), recovered_ms = ? WHERE id = ?",
                    now, now, incidentId);
            audit.appendIn(c, "incident.recovered", "incident/" + incidentId, Map.of(), null);
            return AlertRows.incident(c, incidentId).orElseThrow();
        });
    }

    /** Measured response over incidents that started in [from, to); see {@link ResponseTimesCalculator}. */
    @Override
    public ResponseTimes between(Instant from, Instant to) {
        session.require(Permission.VIEW_TELEMETRY);
        List<Incident> started = store.read(c -> AlertRows.incidents(c,
                "WHERE started_ms >= ? AND started_ms < ? ORDER BY id", from, to));
        return ResponseTimesCalculator.of(started, from, to);
    }

    private <T> T write(io.gatehouse.data.store.SqlWork<T> work) {
        T result = store.write(work);
        listeners.forEach(Listener::changed);
        return result;
    }

    @Override
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Alert existing(Connection c, long id) throws SQLException {
        return AlertRows.alert(c, id).orElseThrow(() -> new IncidentRefusedException("There is no alert " + id + "."));
    }

    private static Incident existingIncident(Connection c, long id) throws SQLException {
        return AlertRows.incident(c, id).orElseThrow(() -> new IncidentRefusedException("There is no incident " + id + "."));
    }
}
