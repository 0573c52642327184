package io.gatehouse.data.incidents;

import io.gatehouse.data.store.LocalStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Webhook notifications of new alerts waiting for delivery. A notification is queued in the
 * transaction that raises its alert and stays queued until the peer takes it or refuses it for
 * good, so a down webhook or a console restart loses no alert.
 */
public final class AlertNotifications {
    /** A queued notification. */
    public record Pending(long id, long alertId, int attempts) {
    }

    /** Delivery states. */
    public enum State { PENDING, DELIVERED, REFUSED }

    private static final int MAX_ERROR = 1000;

    private final LocalStore store;
    private final InstantSource clock;

    public AlertNotifications(LocalStore store, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    static void enqueueIn(Connection c, long alertId, Instant now) throws SQLException {
        AlertRows.update(c, "INSERT INTO alert_notifications (alert_id, state, attempts, next_attempt_ms, created_ms,"
                + " updated_ms) VALUES (?, 'PENDING', 0, ?, ?, ?)", alertId, now, now, now);
    }

    /** Pending notifications whose time has come, oldest first. */
    public List<Pending> due(int limit) {
        long now = clock.millis();
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, alert_id, attempts FROM alert_notifications"
                    + " WHERE state = 'PENDING' AND next_attempt_ms <= ? ORDER BY id LIMIT ?")) {
                s.setLong(1, now);
                s.setInt(2, limit);
                List<Pending> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Pending(r.getLong(1), r.getLong(2), r.getInt(3)));
                    }
                }
                return out;
            }
        });
    }

    /** When the earliest pending notification falls due, if any is pending. */
    public Optional<Instant> nextDue() {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT MIN(next_attempt_ms) FROM alert_notifications WHERE state = 'PENDING'");
                    ResultSet r = s.executeQuery()) {
                r.next();
                long min = r.getLong(1);
                return r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(min));
            }
        });
    }

    /** How many notifications are in each state. */
    public long count(State state) {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM alert_notifications WHERE state = ?")) {
                s.setString(1, state.name());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    /** Records an attempt's outcome; {@code retryAt} is used only for a retry. */
    public void record(long id, WebhookOutcome outcome, Instant retryAt) {
        Instant now = clock.instant();
        store.write(c -> switch (outcome) {
            case WebhookOutcome.Delivered ok -> AlertRows.update(c, "UPDATE alert_notifications SET state = 'DELIVERED',"
                    + " attempts = attempts + 1, updated_ms = ?, last_error = NULL WHERE id = ?", now, id);
            case WebhookOutcome.Retry retry -> AlertRows.update(c, "UPDATE alert_notifications SET attempts = attempts + 1,"
                    + " updated_ms = ?, next_attempt_ms = ?, last_error = ? WHERE id = ?", now, retryAt, clip(retry.reason()), id);
            case WebhookOutcome.Refused refused -> AlertRows.update(c, "UPDATE alert_notifications SET state = 'REFUSED',"
                    + " attempts = attempts + 1, updated_ms = ?, last_error = ? WHERE id = ?", now, clip(refused.reason()), id);
        });
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > MAX_ERROR ? s.substring(0, MAX_ERROR) : s;
    }
}
