package io.gatehouse.views.connections;

import io.gatehouse.data.health.ConnectionHealth;
import io.gatehouse.data.health.HealthMonitor;
import io.gatehouse.views.common.TaskExecutor;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The live health of every connection, for the status bar and the Connections area. Snapshots come
 * from the monitor's background thread and are applied on the UI thread only.
 */
public final class ConnectionsViewModel {
    private final HealthMonitor monitor;
    private final TaskExecutor tasks;
    private final ObservableList<ConnectionHealth> connections = FXCollections.observableArrayList();
    private final BooleanProperty checking = new SimpleBooleanProperty(this, "checking");
    private final Consumer<Throwable> errors;
    private Runnable unsubscribe;
    private boolean ownsSchedule;

    public ConnectionsViewModel(HealthMonitor monitor, TaskExecutor tasks, Consumer<Throwable> errors) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /** Follows the monitor and starts its schedule. */
    public void start() {
        if (unsubscribe == null) {
            unsubscribe = monitor.subscribe(this::publish);
            ownsSchedule = true;
            monitor.start();
        }
    }

    /** Follows the monitor without touching its schedule, for a window that only takes pictures. */
    public void follow() {
        if (unsubscribe == null) {
            unsubscribe = monitor.subscribe(this::publish);
            ownsSchedule = false;
        }
    }

    /** Stops following and stops the monitor's schedule. */
    public void stop() {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
            if (ownsSchedule) {
                monitor.stop();
            }
        }
    }

    /** Checks every connection once more, in the background; the result arrives through the monitor. */
    public void checkNow() {
        if (checking.get()) {
            return;
        }
        checking.set(true);
        tasks.run(handle -> {
            monitor.checkNow();
            return null;
        }, done -> checking.set(false), failure -> {
            checking.set(false);
            errors.accept(failure);
        });
    }

    public BooleanProperty checkingProperty() {
        return checking;
    }

    public ObservableList<ConnectionHealth> connections() {
        return connections;
    }

    private void publish(List<ConnectionHealth> snapshot) {
        tasks.onUi(() -> connections.setAll(snapshot));
    }
}
