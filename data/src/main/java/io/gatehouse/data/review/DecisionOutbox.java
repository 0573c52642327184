package io.gatehouse.data.review;

import io.gatehouse.data.store.LocalStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The local outbox of decisions. A decision is enqueued inside the transaction that writes its
 * audit entry, so both are durable together when the analyst's action returns, or neither is.
 */
public final class DecisionOutbox {
    private static final int DUE_PAGE = 500;
    private static final String COLUMNS = "id, idempotency_key, case_id, action, payload, state, attempts, "
            + "next_attempt_ms, created_ms, updated_ms, last_error, upstream_answer";
    private static final int MAX_ERROR = 1000;

    private final LocalStore store;
    private final InstantSource clock;

    public DecisionOutbox(LocalStore store, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Adds a decision inside the caller's transaction (on the store's writer thread). */
    public long enqueueIn(Connection c, String idempotencyKey, String caseId, String action, String payloadJson)
            throws SQLException {
        long now = clock.millis();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO decision_outbox (idempotency_key, case_id, action,"
                + " payload, state, attempts, next_attempt_ms, created_ms, updated_ms) VALUES (?,?,?,?,?,0,?,?,?)",
                new String[] {"id"})) {
            s.setString(1, idempotencyKey);
            s.setString(2, caseId);
            s.setString(3, action);
            s.setString(4, payloadJson);
            s.setString(5, DeliveryState.PENDING.name());
            s.setLong(6, now);
            s.setLong(7, now);
            s.setLong(8, now);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * Pending entries whose time has come, oldest first, at most {@code limit}. An entry waits while an older
     * entry for the same case is still pending and not yet due, so a case's decisions reach the upstream in the
     * order made; several due entries of one case come back in their order, for the sender to send one after
     * another.
     *
     * <p>Why a walk and not one query: the pending entries are read in id order, page by page on the
     * {@code (state, id)} index, and a case is held back from its first entry that is not due. A correlated
     * "no older pending entry" subquery did the same in SQL, but cost time in proportion to every pending entry
     * at each call, and returned at most one entry per case, which capped delivery near 1,000 decisions/s.
     */
    public List<OutboxEntry> due(int limit) {
        long now = clock.millis();
        return store.read(c -> {
            List<OutboxEntry> due = new ArrayList<>();
            Set<String> heldBack = new HashSet<>();
            long after = Long.MIN_VALUE;
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM decision_outbox"
                    + " WHERE state = 'PENDING' AND id > ? ORDER BY id LIMIT " + DUE_PAGE)) {
                while (due.size() < limit) {
                    s.setLong(1, after);
                    List<OutboxEntry> page = readAll(s);
                    for (OutboxEntry entry : page) {
                        after = entry.id();
                        if (heldBack.contains(entry.caseId())) {
                            continue;
                        }
                        if (entry.nextAttemptAt().toEpochMilli() > now) {
                            heldBack.add(entry.caseId());
                            continue;
                        }
                        due.add(entry);
                        if (due.size() == limit) {
                            break;
                        }
                    }
                    if (page.size() < DUE_PAGE) {
                        break;
                    }
                }
            }
            return due;
        });
    }

    /** When the earliest pending entry falls due, if any is pending. */
    public Optional<Instant> nextDue() {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT MIN(next_attempt_ms) FROM decision_outbox WHERE state = 'PENDING'");
                    ResultSet r = s.executeQuery()) {
                r.next();
                long min = r.getLong(1);
                return r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(min));
            }
        });
    }

    /** Records an attempt's outcome; {@code retryAt} is used only for a retry. */
    public void record(long id, DeliveryOutcome outcome, Instant retryAt) {
        long now = clock.millis();
        store.write(c -> {
            String sql = "UPDATE decision_outbox SET state = ?, attempts = attempts + 1, updated_ms = ?, "
                    + "next_attempt_ms = ?, last_error = ?, upstream_answer = COALESCE(?, upstream_answer) WHERE id = ?";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                switch (outcome) {
                    case DeliveryOutcome.Confirmed ok -> bind(s, DeliveryState.CONFIRMED, now, now, null, ok.answerJson());
                    case DeliveryOutcome.Accepted ok -> bind(s, DeliveryState.SENT, now, now, null, ok.answerJson());
                    case DeliveryOutcome.Conflict conflict ->
                            bind(s, DeliveryState.CONFLICT, now, now, conflict.message(), conflict.standingDecisionJson());
                    case DeliveryOutcome.Retry retry ->
                            bind(s, DeliveryState.PENDING, now, retryAt.toEpochMilli(), retry.reason(), null);
                    case DeliveryOutcome.Failed failed -> bind(s, DeliveryState.FAILED, now, now, failed.reason(), null);
                }
                s.setLong(6, id);
                return s.executeUpdate();
            }
        });
    }

    /** Marks a sent entry confirmed once its upstream state was read back. */
    public void confirm(long id, String answerJson) {
        long now = clock.millis();
        store.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE decision_outbox SET state = 'CONFIRMED', updated_ms = ?,"
                    + " upstream_answer = ? WHERE id = ? AND state = 'SENT'")) {
                s.setLong(1, now);
                s.setString(2, answerJson);
                s.setLong(3, id);
                return s.executeUpdate();
            }
        });
    }

    /** Entries the upstream accepted but has not yet shown as done, oldest first. */
    public List<OutboxEntry> awaitingConfirmation(int limit) {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM decision_outbox"
                    + " WHERE state = 'SENT' ORDER BY id LIMIT ?")) {
                s.setInt(1, limit);
                return readAll(s);
            }
        });
    }

    public Optional<OutboxEntry> find(String idempotencyKey) {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM decision_outbox WHERE idempotency_key = ?")) {
                s.setString(1, idempotencyKey);
                List<OutboxEntry> all = readAll(s);
                return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
            }
        });
    }

    /** The latest entries for one case, newest first. */
    public List<OutboxEntry> forCase(String caseId) {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM decision_outbox WHERE case_id = ?"
                    + " ORDER BY id DESC")) {
                s.setString(1, caseId);
                return readAll(s);
            }
        });
    }

    public Map<DeliveryState, Long> counts() {
        return store.read(c -> {
            Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
            for (DeliveryState state : DeliveryState.values()) {
                counts.put(state, 0L);
            }
            try (PreparedStatement s = c.prepareStatement("SELECT state, COUNT(*) FROM decision_outbox GROUP BY state");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.put(DeliveryState.valueOf(r.getString(1)), r.getLong(2));
                }
            }
            return counts;
        });
    }

    private static void bind(PreparedStatement s, DeliveryState state, long now, long next, String error, String answer)
            throws SQLException {
        s.setString(1, state.name());
        s.setLong(2, now);
        s.setLong(3, next);
        s.setString(4, error == null ? null : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error);
        s.setString(5, answer);
    }

    private static List<OutboxEntry> readAll(PreparedStatement s) throws SQLException {
        List<OutboxEntry> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new OutboxEntry(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        DeliveryState.valueOf(r.getString(6)), r.getInt(7), Instant.ofEpochMilli(r.getLong(8)),
                        Instant.ofEpochMilli(r.getLong(9)), Instant.ofEpochMilli(r.getLong(10)), r.getString(11),
                        r.getString(12)));
            }
        }
        return out;
    }
}
