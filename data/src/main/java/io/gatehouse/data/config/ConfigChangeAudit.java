package io.gatehouse.data.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.store.LocalStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Audits configuration changes. The configuration is a file an administrator edits while the console is
 * closed, so a change is noticed when it is next loaded: the redacted, flattened form is compared with the
 * one recorded last time, and each changed setting is audited with its value before and after.
 */
public final class ConfigChangeAudit {
    /** More changed settings than this are summarised by count, so one entry stays readable. */
    static final int MAX_LISTED_CHANGES = 40;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> FLAT = new TypeReference<>() { };

    private final LocalStore store;
    private final AuditLog auditLog;
    private final InstantSource clock;

    public ConfigChangeAudit(LocalStore store, AuditLog auditLog, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What was found when the configuration was compared with the last one recorded. */
    public enum Outcome {
        /** No configuration was recorded before: this one is now the baseline. */
        RECORDED,
        /** Settings differ from the last recorded configuration; the change was audited. */
        CHANGED,
        UNCHANGED
    }

    /** Compares {@code config}, loaded from {@code source}, with the last recorded one, and audits a difference. */
    public Outcome check(GatehouseConfig config, Path source) {
        return check(config, source, null);
    }

    /**
     * As {@link #check(GatehouseConfig, Path)}, for a configuration loaded from inputs with {@code inputDigest}
     * ({@link ConfigLoader#loadOrDefaultWithInput}): when the last recorded configuration came from the same inputs,
     * it is the same, and is not flattened and compared again. A null digest always compares.
     */
    public Outcome check(GatehouseConfig config, Path source, String inputDigest) {
        if (inputDigest != null && inputDigest.equals(store.read(ConfigChangeAudit::latestInput))) {
            return Outcome.UNCHANGED;
        }
        SortedMap<String, String> now = ConfigFlattener.flatten(config);
        String content = toJson(now);
        String sha = sha256(content);
        String where = source == null ? "(built-in defaults)" : source.toAbsolutePath().toString();
        return store.write(c -> {
            Optional<Snapshot> last = latest(c);
            if (last.isPresent() && last.get().sha256().equals(sha)) {
                if (inputDigest != null) {
                    // the same configuration from other inputs (a reformatted file, a new build): remember them,
                    // so that the next start with these inputs need not compare again
                    rememberInput(c, last.get().id(), inputDigest);
                }
                return Outcome.UNCHANGED;
            }
            insert(c, where, sha, content, inputDigest);
            if (last.isEmpty()) {
                auditLog.appendIn(c, "config.recorded", "config", Map.of("source", where,
                        "settings", Integer.toString(now.size()), "sha256", sha), null);
                return Outcome.RECORDED;
            }
            auditLog.appendIn(c, "config.changed", "config", changeDetails(last.get(), now, where, sha), null);
            return Outcome.CHANGED;
        });
    }

    private static Map<String, String> changeDetails(Snapshot before, SortedMap<String, String> after, String where,
            String sha) {
        SortedMap<String, String> previous = fromJson(before.content());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("source", where);
        details.put("sha256.before", before.sha256());
        details.put("sha256.after", sha);
        TreeSet<String> paths = new TreeSet<>(previous.keySet());
        paths.addAll(after.keySet());
        int changed = 0;
        for (String path : paths) {
            String old = previous.get(path);
            String now = after.get(path);
            if (Objects.equals(old, now)) {
                continue;
            }
            changed++;
            if (changed <= MAX_LISTED_CHANGES) {
                details.put("before:" + path, old == null ? "(absent)" : old);
                details.put("after:" + path, now == null ? "(absent)" : now);
            }
        }
        details.put("changed", Integer.toString(changed));
        if (changed > MAX_LISTED_CHANGES) {
            details.put("unlisted", Integer.toString(changed - MAX_LISTED_CHANGES));
        }
        return details;
    }

    private record Snapshot(long id, String sha256, String content) {
    }

    // only the digest: the snapshot's content is not needed to see that nothing changed
    private static String latestInput(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT input_sha256 FROM config_snapshot ORDER BY id DESC FETCH FIRST 1 ROWS ONLY");
                ResultSet r = s.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private static Optional<Snapshot> latest(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, sha256, content FROM config_snapshot ORDER BY id DESC FETCH FIRST 1 ROWS ONLY");
                ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(new Snapshot(r.getLong(1), r.getString(2), r.getString(3))) : Optional.empty();
        }
    }

    private void insert(Connection c, String where, String sha, String content, String inputDigest) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO config_snapshot (recorded_ms, source, sha256, content, input_sha256) VALUES (?,?,?,?,?)")) {
            s.setLong(1, clock.millis());
            s.setString(2, where.length() > 1024 ? where.substring(0, 1024) : where);
            s.setString(3, sha);
            s.setString(4, content);
            s.setString(5, inputDigest);
            s.executeUpdate();
        }
    }

    private static void rememberInput(Connection c, long id, String inputDigest) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE config_snapshot SET input_sha256 = ? WHERE id = ?")) {
            s.setString(1, inputDigest);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    private static String toJson(SortedMap<String, String> flat) {
        try {
            return JSON.writeValueAsString(flat);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("flattened configuration cannot be written as JSON", e);
        }
    }

    private static SortedMap<String, String> fromJson(String json) {
        try {
            return JSON.readValue(json, FLAT);
        } catch (JsonProcessingException e) {
            // a damaged snapshot only costs the "before" side of the next change entry
            return new TreeMap<>();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
