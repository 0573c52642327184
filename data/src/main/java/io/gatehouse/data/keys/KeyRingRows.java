package io.gatehouse.data.keys;

import io.gatehouse.data.keys.token.KeyAlgorithm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for the key ring tables; the only place that knows their columns. */
final class KeyRingRows {
    private static final String VERSION_COLUMNS =
            "ring, number, state, step, key_label, kid, public_key, created_ms, state_since_ms, due_ms";

    private KeyRingRows() {
    }

    static boolean insertRing(Connection c, String name, RotationPolicy p, Instant at) throws SQLException {
        if (policy(c, name).isPresent()) {
            return false;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO key_ring (name, algorithm, cryptoperiod_s,"
                + " warn_before_s, grace_s, destruction_window_s, created_ms) VALUES (?,?,?,?,?,?,?)")) {
            s.setString(1, name);
            s.setString(2, p.algorithm().name());
            s.setLong(3, p.cryptoperiod().toSeconds());
            s.setLong(4, p.warnBefore().toSeconds());
            s.setLong(5, p.gracePeriod().toSeconds());
            s.setLong(6, p.destructionWindow().toSeconds());
            s.setLong(7, at.toEpochMilli());
            s.executeUpdate();
            return true;
        }
    }

    static Optional<RotationPolicy> policy(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT algorithm, cryptoperiod_s, warn_before_s, grace_s,"
                + " destruction_window_s FROM key_ring WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RotationPolicy(KeyAlgorithm.valueOf(r.getString(1)),
                        Duration.ofSeconds(r.getLong(2)), Duration.ofSeconds(r.getLong(3)),
                        Duration.ofSeconds(r.getLong(4)), Duration.ofSeconds(r.getLong(5))));
            }
        }
    }

    static Optional<KeyRing> ring(Connection c, String name) throws SQLException {
        Optional<RotationPolicy> policy = policy(c, name);
        if (policy.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KeyRing(name, policy.get(), versions(c, name)));
    }

    static List<String> ringNames(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT name FROM key_ring ORDER BY name");
                ResultSet r = s.executeQuery()) {
            List<String> names = new ArrayList<>();
            while (r.next()) {
                names.add(r.getString(1));
            }
            return names;
        }
    }

    static List<KeyVersion> versions(Connection c, String ring) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + VERSION_COLUMNS
                + " FROM key_version WHERE ring = ? ORDER BY number")) {
            s.setString(1, ring);
            List<KeyVersion> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long due = r.getLong(10);
                    Instant dueAt = r.wasNull() ? null : Instant.ofEpochMilli(due);
                    out.add(new KeyVersion(r.getString(1), r.getInt(2), KeyVersionState.valueOf(r.getString(3)),
                            RotationStep.valueOf(r.getString(4)), r.getString(5), r.getString(6), r.getBytes(7),
                            Instant.ofEpochMilli(r.getLong(8)), Instant.ofEpochMilli(r.getLong(9)), dueAt));
                }
            }
            return out;
        }
    }

    static void insertVersion(Connection c, KeyVersion v) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO key_version (" + VERSION_COLUMNS
                + ", primary_marker, pending_marker) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            s.setString(1, v.ring());
            s.setInt(2, v.number());
            bindMutable(s, v, 3);
            s.executeUpdate();
        }
    }

    /**
     * Writes the version's new state, but only if the stored row is still {@code expected}: a
     * second console racing on the same store then fails instead of overwriting.
     */
    static void updateVersion(Connection c, KeyVersion expected, KeyVersion v) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE key_version SET state = ?, step = ?, key_label = ?,"
                + " kid = ?, public_key = ?, created_ms = ?, state_since_ms = ?, due_ms = ?, primary_marker = ?,"
                + " pending_marker = ? WHERE ring = ? AND number = ? AND state = ? AND step = ?")) {
            bindMutable(s, v, 1);
            s.setString(11, v.ring());
            s.setInt(12, v.number());
            s.setString(13, expected.state().name());
            s.setString(14, expected.step().name());
            if (s.executeUpdate() != 1) {
                throw new IllegalKeyTransitionException("Version " + v.number() + " of ring '" + v.ring()
                        + "' was changed by someone else meanwhile. Look at 'gatehouse keys rings' and try again.");
            }
        }
    }

    // binds state .. pending_marker (10 parameters) from position 'first'
    private static void bindMutable(PreparedStatement s, KeyVersion v, int first) throws SQLException {
        int i = first;
        s.setString(i++, v.state().name());
        s.setString(i++, v.step().name());
        s.setString(i++, v.keyLabel());
        s.setString(i++, v.kid());
        s.setBytes(i++, v.publicKey());
        s.setLong(i++, v.createdAt().toEpochMilli());
        s.setLong(i++, v.stateSince().toEpochMilli());
        if (v.dueAt() == null) {
            s.setNull(i++, Types.BIGINT);
        } else {
            s.setLong(i++, v.dueAt().toEpochMilli());
        }
        marker(s, i++, v.state() == KeyVersionState.ACTIVE);
        marker(s, i, v.state() == KeyVersionState.PENDING);
    }

    private static void marker(PreparedStatement s, int index, boolean set) throws SQLException {
        if (set) {
            s.setBoolean(index, true);
        } else {
            s.setNull(index, Types.BOOLEAN);
        }
    }
}
