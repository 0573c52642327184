package io.gatehouse.data.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.data.operator.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** SQL for the audit tables; the only place that knows their columns. */
final class AuditRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS =
            "seq, at, actor_id, actor_roles, action, subject, details, personal_ref, previous_hash, hash";

    private AuditRows() {
    }

    /** The last entry's sequence and hash, or (0, genesis) for an empty chain. */
    record Head(long sequence, String hash) {
    }

    static Head head(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1");
                ResultSet r = s.executeQuery()) {
            return r.next() ? new Head(r.getLong(1), r.getString(2)) : new Head(0, AuditHasher.GENESIS);
        }
    }

    static long insertPersonalData(Connection c, String content) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_personal_data (content) VALUES (?)",
                new String[] {"id"})) {
            s.setString(1, content);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static void insert(Connection c, AuditEntry e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            s.setLong(1, e.sequence());
            s.setString(2, e.at().toString());
            s.setString(3, e.actorId());
            s.setString(4, e.actorRoles().stream().map(Role::configName).sorted().collect(Collectors.joining(",")));
            s.setString(5, e.action());
            s.setString(6, e.subject());
            s.setString(7, toJson(e.details()));
            if (e.personalRef() == null) {
                s.setNull(8, Types.BIGINT);
            } else {
                s.setLong(8, e.personalRef());
            }
            s.setString(9, e.previousHash());
            s.setString(10, e.hash());
            s.executeUpdate();
        }
    }

    static long count(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM audit_entry"); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Up to {@code limit} entries after {@code afterSequence}, in chain order. */
    static List<AuditEntry> page(Connection c, long afterSequence, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM audit_entry WHERE seq > ? ORDER BY seq LIMIT ?")) {
            s.setLong(1, afterSequence);
            s.setInt(2, limit);
            return readAll(s);
        }
    }

    static List<AuditEntry> forSubject(Connection c, String subject, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                + " FROM audit_entry WHERE subject = ? ORDER BY seq DESC LIMIT ?")) {
            s.setString(1, subject);
            s.setInt(2, limit);
            return readAll(s);
        }
    }

    static List<AuditEntry> find(Connection c, AuditQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_entry WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (q.actorId() != null) {
            sql.append(" AND actor_id = ?");
            args.add(q.actorId());
        }
        if (q.action() != null) {
            sql.append(" AND action = ?");
            args.add(q.action());
        }
        if (q.subjectContains() != null) {
            sql.append(" AND LOCATE(?, subject) > 0");
            args.add(q.subjectContains());
        }
        // ISO-8601 instants in UTC from Instant.toString sort as text in time order only when they
        // have the same length, so time filters compare parsed values instead.
        sql.append(" ORDER BY seq DESC");
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            s.setFetchSize(500);
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next() && out.size() < q.limit()) {
                    AuditEntry entry = read(r);
                    if ((q.from() == null || !entry.at().isBefore(q.from())) && (q.to() == null || entry.at().isBefore(q.to()))) {
                        out.add(entry);
                    }
                }
            }
            return out;
        }
    }

    static String personalData(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT content FROM audit_personal_data WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    static boolean erasePersonalData(Connection c, long id, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE audit_personal_data SET content = NULL, erased_at = ? WHERE id = ? AND content IS NOT NULL")) {
            s.setString(1, at.toString());
            s.setLong(2, id);
            return s.executeUpdate() == 1;
        }
    }

    private static List<AuditEntry> readAll(PreparedStatement s) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(read(r));
            }
        }
        return out;
    }

    private static AuditEntry read(ResultSet r) throws SQLException {
        long sequence = r.getLong(1);
        long personal = r.getLong(8);
        Long personalRef = r.wasNull() ? null : personal;
        try {
            return new AuditEntry(sequence, Instant.parse(r.getString(2)), r.getString(3), roles(r.getString(4)),
                    r.getString(5), r.getString(6), fromJson(r.getString(7)), personalRef, r.getString(9), r.getString(10));
        } catch (RuntimeException | SQLException e) {
            throw new UnreadableEntryException(sequence, e);
        }
    }

    /** A row whose columns no longer parse: tampering or damage, reported by its sequence. */
    static final class UnreadableEntryException extends SQLException {
        private final long sequence;

        UnreadableEntryException(long sequence, Exception cause) {
            super("audit entry " + sequence + " cannot be read: " + cause.getMessage(), cause);
            this.sequence = sequence;
        }

        long sequence() {
            return sequence;
        }
    }

    private static Set<Role> roles(String joined) {
        if (joined.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(joined.split(",")).map(Role::fromConfigName).collect(Collectors.toUnmodifiableSet());
    }

    private static String toJson(Map<String, String> details) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details cannot be written", e);
        }
    }

    private static TreeMap<String, String> fromJson(String json) throws SQLException {
        try {
            return JSON.readValue(json, new TypeReference<TreeMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new SQLException("audit details are not valid JSON", e);
        }
    }
}
