package io.gatehouse.views.incidents;

import io.gatehouse.data.incidents.Alert;
import io.gatehouse.data.incidents.AlertState;
import io.gatehouse.data.incidents.Incident;
import io.gatehouse.data.incidents.IncidentDesk;
import io.gatehouse.data.incidents.IncidentLog;
import io.gatehouse.data.incidents.ResponseTimes;
import io.gatehouse.views.common.TaskExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The alerts, the incidents, the selected alert's runbook and the measured response of the last
 * 30 days. Every call to the desk runs on the background executor; a burst of changes from the
 * detector is read once, not once per change. New alerts are handed to {@code announce} on the
 * UI thread, for the desktop notification.
 */
public final class AlertsViewModel {
    static final int LIMIT = 200;
    static final Duration SUMMARY_PERIOD = Duration.ofDays(30);

    /** Everything one read brings back. */
    record Snapshot(List<Alert> alerts, List<Incident> incidents, ResponseTimes times) {
    }

    private final IncidentDesk desk;
    private final TaskExecutor tasks;
    private final Consumer<Throwable> errors;
    private final Consumer<Alert> announce;
    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    private final ObservableList<Incident> incidents = FXCollections.observableArrayList();
    private final ObservableList<String> remediation = FXCollections.observableArrayList();
    private final ObjectProperty<Alert> selectedAlert = new SimpleObjectProperty<>(this, "selectedAlert");
    private final ObjectProperty<Incident> selectedIncident = new SimpleObjectProperty<>(this, "selectedIncident");
    private final ReadOnlyObjectWrapper<ResponseTimes> times = new ReadOnlyObjectWrapper<>(this, "times", ResponseTimes.none());
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final IncidentLog.Listener listener = new IncidentLog.Listener() {
        @Override
        public void raised(Alert alert) {
            tasks.onUi(() -> announce.accept(alert));
        }

        @Override
        public void changed() {
            if (refreshQueued.compareAndSet(false, true)) {
                tasks.onUi(() -> {
                    refreshQueued.set(false);
                    refresh();
                });
            }
        }
    };

    public AlertsViewModel(IncidentDesk desk, TaskExecutor tasks, Consumer<Throwable> errors, Consumer<Alert> announce) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.announce = Objects.requireNonNull(announce, "announce");
        selectedAlert.addListener((obs, before, now) -> loadRemediation(now));
    }

    /** Starts listening to the desk; new alerts are announced even while another area is shown. */
    public void start() {
        desk.addListener(listener);
        refresh();
    }

    public void stop() {
        desk.removeListener(listener);
    }

    /** Reads alerts, incidents and the summary again; keeps the selections by id. */
    public void refresh() {
        tasks.run(handle -> {
            // the desk's time, not the desktop's: in the sandbox, incidents happen in simulated time
            Instant now = desk.now();
            return new Snapshot(desk.alerts(LIMIT), desk.incidents(LIMIT), desk.between(now.minus(SUMMARY_PERIOD), now));
        }, this::show, errors);
    }

    private void show(Snapshot s) {
        Long alertId = selectedAlert.get() == null ? null : selectedAlert.get().id();
        Long incidentId = selectedIncident.get() == null ? null : selectedIncident.get().id();
        alerts.setAll(s.alerts());
        incidents.setAll(s.incidents());
        times.set(s.times());
        selectedAlert.set(s.alerts().stream().filter(a -> alertId != null && a.id() == alertId).findFirst()
                .orElse(s.alerts().isEmpty() ? null : s.alerts().getFirst()));
        selectedIncident.set(s.incidents().stream().filter(i -> incidentId != null && i.id() == incidentId).findFirst()
                .orElse(s.incidents().isEmpty() ? null : s.incidents().getFirst()));
        loaded.set(true);
    }

    private void loadRemediation(Alert alert) {
        if (alert == null) {
            remediation.clear();
            return;
        }
        tasks.run(handle -> desk.remediation(alert.type()), steps -> {
            if (selectedAlert.get() != null && selectedAlert.get().type() == alert.type()) {
                remediation.setAll(steps);
            }
        }, errors);
    }

    /** Acknowledges the selected alert, if it is open. */
    public void acknowledge() {
        Alert a = selectedAlert.get();
        if (a != null && a.state() == AlertState.OPEN) {
            act(() -> desk.acknowledge(a.id()));
        }
    }

    /** Makes an incident of the selected alert; a gateway anomaly counts as an outage. */
    public void createIncident() {
        Alert a = selectedAlert.get();
        if (a != null && a.state() != AlertState.INCIDENT) {
            act(() -> {
                Incident made = desk.openIncident(a.id(), a.type() == io.gatehouse.data.anomaly.AnomalyType.GATEWAY_ANOMALY);
                tasks.onUi(() -> selectedIncident.set(made));
            });
        }
    }

    /** Marks the selected incident contained. */
    public void contain() {
        Incident i = selectedIncident.get();
        if (i != null && i.contained() == null) {
            act(() -> desk.contain(i.id()));
        }
    }

    /** Marks the selected incident recovered. */
    public void recover() {
        Incident i = selectedIncident.get();
        if (i != null && i.recovered() == null) {
            act(() -> desk.recover(i.id()));
        }
    }

    /** Selects the incident made from the selected alert, if there is one. */
    public void selectIncidentOfAlert() {
        Alert a = selectedAlert.get();
        if (a != null && a.incidentId() != 0) {
            incidents.stream().filter(i -> i.id() == a.incidentId()).findFirst().ifPresent(selectedIncident::set);
        }
    }

    private void act(Runnable action) {
        busy.set(true);
        tasks.run(handle -> {
            action.run();
            return Boolean.TRUE;
        }, done -> {
            busy.set(false);
            refresh();
        }, failure -> {
            busy.set(false);
            errors.accept(failure);
            refresh();
        });
    }

    public ObservableList<Alert> alerts() {
        return alerts;
    }

    public ObservableList<Incident> incidents() {
        return incidents;
    }

    public ObservableList<String> remediation() {
        return remediation;
    }

    public ObjectProperty<Alert> selectedAlertProperty() {
        return selectedAlert;
    }

    public ObjectProperty<Incident> selectedIncidentProperty() {
        return selectedIncident;
    }

    public ReadOnlyObjectProperty<ResponseTimes> timesProperty() {
        return times.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }
}
