package io.gatehouse.data.incidents;

import io.gatehouse.data.anomaly.AnomalyType;
import io.gatehouse.data.anomaly.Signal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for the alert and incident tables. */
final class AlertRows {
    static final String ALERT_COLUMNS = "id, type, region, signal, since_ms, detected_ms, last_seen_ms, cleared_ms, "
            + "confidence, observed, expected, samples, state, acknowledged_ms, acknowledged_by, incident_id";
    static final String INCIDENT_COLUMNS = "id, alert_id, type, region, started_ms, detected_ms, acknowledged_ms, "
            + "contained_ms, recovered_ms, outage";

    private AlertRows() {
    }

    static List<Alert> alerts(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + ALERT_COLUMNS + " FROM alerts " + where)) {
            bind(s, args);
            List<Alert> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(alert(r));
                }
            }
            return out;
        }
    }

    static Optional<Alert> alert(Connection c, long id) throws SQLException {
        return alerts(c, "WHERE id = ?", id).stream().findFirst();
    }

    static List<Incident> incidents(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + INCIDENT_COLUMNS + " FROM incidents " + where)) {
            bind(s, args);
            List<Incident> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(incident(r));
                }
            }
            return out;
        }
    }

    static Optional<Incident> incident(Connection c, long id) throws SQLException {
        return incidents(c, "WHERE id = ?", id).stream().findFirst();
    }

    static long insertAlert(Connection c, Alert a) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO alerts (type, region, signal, since_ms, detected_ms,"
                + " last_seen_ms, cleared_ms, confidence, observed, expected, samples, state) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                new String[] {"id"})) {
            bind(s, a.type().name(), a.region(), a.signal().name(), a.since(), a.detected(), a.lastSeen(), a.clearedAt(),
                    a.confidence(), a.observed(), a.expected(), a.samples(), a.state().name());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static long insertIncident(Connection c, Incident i) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO incidents (alert_id, type, region, started_ms,"
                + " detected_ms, acknowledged_ms, contained_ms, recovered_ms, outage) VALUES (?,?,?,?,?,?,?,?,?)",
                new String[] {"id"})) {
            bind(s, i.alertId(), i.type().name(), i.region(), i.started(), i.detected(), i.acknowledged(), i.contained(),
                    i.recovered(), i.outage());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object v = args[i];
            switch (v) {
                case null -> s.setNull(i + 1, Types.BIGINT);
                case Instant t -> s.setLong(i + 1, t.toEpochMilli());
                case Long l -> s.setLong(i + 1, l);
                case Integer n -> s.setInt(i + 1, n);
                case Double d -> s.setDouble(i + 1, d);
                case Boolean b -> s.setBoolean(i + 1, b);
                default -> s.setString(i + 1, v.toString());
            }
        }
    }

    private static Alert alert(ResultSet r) throws SQLException {
        return new Alert(r.getLong(1), AnomalyType.valueOf(r.getString(2)), r.getString(3), Signal.valueOf(r.getString(4)),
                instant(r, 5), instant(r, 6), instant(r, 7), instant(r, 8), r.getDouble(9), r.getDouble(10),
                r.getDouble(11), r.getLong(12), AlertState.valueOf(r.getString(13)), instant(r, 14), r.getString(15),
                r.getLong(16));
    }

    private static Incident incident(ResultSet r) throws SQLException {
        return new Incident(r.getLong(1), r.getLong(2), AnomalyType.valueOf(r.getString(3)), r.getString(4),
                instant(r, 5), instant(r, 6), instant(r, 7), instant(r, 8), instant(r, 9), r.getBoolean(10));
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        long ms = r.getLong(column);
        return r.wasNull() ? null : Instant.ofEpochMilli(ms);
    }
}
