package io.gatehouse.views.connections;

import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.connections.ConnectionCheck;
import io.gatehouse.data.connections.ConnectionEdit;
import io.gatehouse.data.connections.ConnectionEntry;
import io.gatehouse.data.health.ConnectionHealth;
import io.gatehouse.data.health.HealthMonitor;
import io.gatehouse.views.common.TaskExecutor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The connections of this console: the live health of each (for the status bar too), how each is
 * secured, and the operator's actions on one: test it, rotate its secret, edit its URL, CA bundle
 * and pins. Snapshots and results are applied on the UI thread only.
 */
public final class ConnectionsViewModel {
    private final HealthMonitor monitor;
    private final TaskExecutor tasks;
    private final ObservableList<ConnectionHealth> connections = FXCollections.observableArrayList();
    private final ObservableList<ConnectionRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty checking = new SimpleBooleanProperty(this, "checking");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ObjectProperty<ConnectionNotice> notice = new SimpleObjectProperty<>(this, "notice");
    private final Consumer<Throwable> errors;
    private final ConnectionsPort port;
    private final StepUp stepUp;
    private final Map<String, ConnectionCheck> lastChecks = new HashMap<>();
    private List<ConnectionEntry> entries = List.of();
    private Runnable unsubscribe;
    private boolean ownsSchedule;

    /** The health-only area, for a console whose connections cannot be changed from here. */
    public ConnectionsViewModel(HealthMonitor monitor, TaskExecutor tasks, Consumer<Throwable> errors) {
        this(monitor, tasks, errors, null, () -> false);
    }

    /**
     * @param port   the connections and their actions, or null for the health-only area
     * @param stepUp asks for a fresh proof before a change
     */
    public ConnectionsViewModel(HealthMonitor monitor, TaskExecutor tasks, Consumer<Throwable> errors,
            ConnectionsPort port, StepUp stepUp) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.port = port;
        this.stepUp = Objects.requireNonNull(stepUp, "stepUp");
    }

    /** Follows the monitor and starts its schedule. */
    public void start() {
        if (unsubscribe == null) {
            unsubscribe = monitor.subscribe(this::publish);
            ownsSchedule = true;
            monitor.start();
            reload();
        }
    }

    /** Follows the monitor without touching its schedule, for a window that only takes pictures. */
    public void follow() {
        if (unsubscribe == null) {
            unsubscribe = monitor.subscribe(this::publish);
            ownsSchedule = false;
            reload();
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

    /** True when connections can be tested and changed from this area. */
    public boolean editable() {
        return port != null;
    }

    /** Reads the configured connections again, in the background. */
    public void reload() {
        if (port == null) {
            return;
        }
        tasks.run(handle -> port.entries(), loaded -> {
            entries = List.copyOf(loaded);
            rebuildRows();
        }, errors);
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

    /** Tests one connection with its real TLS settings; the outcome lands on its row and in the notice. */
    public void test(ConnectionRow row) {
        if (port == null || row == null || row.entry() == null || busy.get()) {
            return;
        }
        busy.set(true);
        notice.set(ConnectionNotice.ok("connections.testing", row.name()));
        tasks.run(handle -> port.test(row.entry()), check -> {
            busy.set(false);
            lastChecks.put(check.connection(), check);
            rebuildRows();
            notice.set(noticeOf(row.entry(), check));
        }, failure -> {
            busy.set(false);
            notice.set(ConnectionNotice.problem("connections.failed", message(failure)));
        });
    }

    /** Asks for a fresh proof; true when the operator gave one (or had one). */
    public boolean stepUp() {
        return stepUp.confirm();
    }

    /**
     * Replaces the row's secret with {@code value} in the background. The array is wiped once the
     * port has it, and at once if nothing can be done.
     */
    public void rotateSecret(ConnectionRow row, char[] value) {
        if (port == null || row == null || row.entry() == null || row.entry().secretName() == null) {
            Arrays.fill(value, '\0');
            return;
        }
        String connection = row.entry().name();
        String secret = row.entry().secretName();
        busy.set(true);
        tasks.run(handle -> {
            port.rotateSecret(connection, secret, value);
            return port.entries();
        }, loaded -> {
            busy.set(false);
            entries = List.copyOf(loaded);
            lastChecks.remove(connection);
            rebuildRows();
            notice.set(ConnectionNotice.ok("connections.rotated", secret, connection));
        }, failure -> {
            Arrays.fill(value, '\0');
            busy.set(false);
            notice.set(ConnectionNotice.problem("connections.failed", message(failure)));
        });
    }

    /** Writes the row's new settings; a refusal is shown with the configuration loader's sentence. */
    public void edit(ConnectionRow row, ConnectionEdit edit) {
        if (port == null || row == null || row.entry() == null) {
            return;
        }
        String connection = row.entry().name();
        busy.set(true);
        tasks.run(handle -> {
            port.edit(connection, edit);
            return port.entries();
        }, loaded -> {
            busy.set(false);
            entries = List.copyOf(loaded);
            lastChecks.remove(connection);
            rebuildRows();
            notice.set(ConnectionNotice.ok("connections.edited", connection));
        }, failure -> {
            busy.set(false);
            notice.set(ConnectionNotice.problem("connections.refused", message(failure)));
        });
    }

    public BooleanProperty checkingProperty() {
        return checking;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<ConnectionNotice> noticeProperty() {
        return notice;
    }

    /** Every health check's latest state, for the status bar. */
    public ObservableList<ConnectionHealth> connections() {
        return connections;
    }

    /** The Connections table. */
    public ObservableList<ConnectionRow> rows() {
        return rows;
    }

    static ConnectionNotice noticeOf(ConnectionEntry entry, ConnectionCheck check) {
        String host = entry.url() == null ? "" : entry.url().getHost();
        String key = ConnectionNames.outcomeKey(check.outcome());
        return check.passed() ? ConnectionNotice.ok(key, entry.name(), host, check.status())
                : ConnectionNotice.problem(key, entry.name(), host, check.status(), check.detail());
    }

    // the service's sentences are written for the operator; anything else is reported, not shown raw
    private String message(Throwable failure) {
        if (failure instanceof GatehouseException) {
            return failure.getMessage();
        }
        errors.accept(failure);
        return failure.getClass().getSimpleName();
    }

    private void publish(List<ConnectionHealth> snapshot) {
        tasks.onUi(() -> {
            connections.setAll(snapshot);
            rebuildRows();
        });
    }

    private void rebuildRows() {
        List<ConnectionRow> next = new ArrayList<>();
        if (port == null) {
            connections.forEach(h -> next.add(new ConnectionRow(null, h, null)));
        } else {
            for (ConnectionEntry entry : entries) {
                ConnectionHealth health = entry.monitored() ? connections.stream()
                        .filter(h -> h.kind() == entry.kind()).findFirst().orElse(null) : null;
                next.add(new ConnectionRow(entry, health, lastChecks.get(entry.name())));
            }
        }
        rows.setAll(next);
    }
}
