package io.gatehouse.data.review.mirror;

import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CasePage;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.data.store.LocalStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The local copy of the fraud queue in H2. Pages are read with keyset seeks on covering indexes
 * (see {@link MirrorQuery} and docs/case-mirror.md); writes come from {@link MirrorSync} on the
 * store's writer thread.
 */
public final class CaseMirror {
    private static final String CURSOR = "event_cursor";
    private static final String GENERATION = "generation";
    private static final String CAUGHT_UP = "caught_up_ms";
    private static final String UPSTREAM = "upstream";
    private static final String IDS_PREFIX = "i";

    private final LocalStore store;
    /** The synced flag, read on every page request; forgotten whenever the state is written. */
    private volatile Boolean synced;

    public CaseMirror(LocalStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** One page in the given order; {@code cursor} is null for the first page or a cursor this mirror made. */
    public CasePage page(CaseFilter filter, CaseSort sort, String cursor) {
        MirrorQuery query = MirrorQuery.of(filter, sort);
        if (cursor != null) {
            query.after(MirrorCursor.decode(cursor, sort), sort);
        }
        int limit = filter.limit();
        return store.read(c -> {
            List<long[]> keys = new ArrayList<>(limit + 1);
            try (PreparedStatement s = c.prepareStatement(query.pageSql(sort))) {
                s.setInt(query.bind(s), limit + 1);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        keys.add(new long[] {r.getLong(1), r.getLong(2)});
                    }
                }
            }
            boolean more = keys.size() > limit;
            List<long[]> shown = more ? keys.subList(0, limit) : keys;
            List<ReviewCase> cases = documents(c, shown);
            String next = more ? new MirrorCursor(sort, shown.getLast()[1], shown.getLast()[0]).encode() : null;
            return new CasePage(cases, next);
        });
    }

    /** How many cases match, for the preview before a bulk action or beside a filter. */
    public long count(CaseFilter filter) {
        MirrorQuery query = MirrorQuery.of(filter, CaseSort.NEWEST);
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement(query.countSql())) {
                query.bind(s);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    /** The ids of every case matching the filter (not only a page), a chunk at a time; {@code cursor} null starts. */
    public MirrorIds ids(CaseFilter filter, String cursor, int chunk) {
        if (chunk < 1 || chunk > 10_000) {
            throw new IllegalArgumentException("chunk must be between 1 and 10000, got " + chunk);
        }
        long after = idsCursor(cursor);
        MirrorQuery query = MirrorQuery.of(filter, CaseSort.NEWEST);
        String sql = query.idsSql(after);
        return store.read(c -> {
            List<String> ids = new ArrayList<>(chunk);
            long last = after;
            boolean more = false;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setInt(query.bind(s), chunk + 1);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (ids.size() == chunk) {
                            more = true;
                            break;
                        }
                        last = r.getLong(1);
                        ids.add(r.getString(2));
                    }
                }
            }
            return new MirrorIds(ids, more ? IDS_PREFIX + last : null);
        });
    }

    /** True for a page cursor this mirror made; the upstream's cursors are passed to the upstream. */
    public static boolean ownsCursor(String cursor) {
        return MirrorCursor.isMirrorCursor(cursor);
    }

    /** True once a full listing has completed, read cheaply for every page request. */
    public boolean synced() {
        Boolean known = synced;
        if (known != null) {
            return known;
        }
        boolean now = store.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM case_mirror_state WHERE name = ?")) {
                s.setString(1, CURSOR);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
        synced = now;
        return now;
    }

    public MirrorStatus status() {
        return store.read(c -> {
            Map<String, String> state = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT name, state_value FROM case_mirror_state");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    state.put(r.getString(1), r.getString(2));
                }
            }
            long cases;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM case_mirror");
                    ResultSet r = s.executeQuery()) {
                r.next();
                cases = r.getLong(1);
            }
            String cursor = state.get(CURSOR);
            String caughtUp = state.get(CAUGHT_UP);
            return new MirrorStatus(state.get(UPSTREAM), cursor == null ? null : Long.valueOf(cursor),
                    Long.parseLong(state.getOrDefault(GENERATION, "0")),
                    caughtUp == null ? null : Instant.ofEpochMilli(Long.parseLong(caughtUp)), cases);
        });
    }

    /** Inserts or replaces a case (matched by its upstream id) inside the caller's transaction. */
    public void upsertIn(Connection c, ReviewCase rc, long generation) throws SQLException {
        Long rowId = rowIdOf(c, rc.id());
        if (rowId == null) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO case_mirror (case_id, status, created_ms,"
                    + " updated_ms, region, rail, currency, amount_minor, risk_score, risk_level, rules, assignee, held,"
                    + " escalated, sync_gen) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", new String[] {"row_id"})) {
                s.setString(1, rc.id());
                bindSummary(s, 2, rc, generation);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    rowId = keys.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO case_mirror_doc (row_id, doc) VALUES (?, ?)")) {
                s.setLong(1, rowId);
                s.setString(2, CaseDocument.write(rc));
                s.executeUpdate();
            }
            return;
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE case_mirror SET status = ?, created_ms = ?,"
                + " updated_ms = ?, region = ?, rail = ?, currency = ?, amount_minor = ?, risk_score = ?, risk_level = ?,"
                + " rules = ?, assignee = ?, held = ?, escalated = ?, sync_gen = ? WHERE row_id = ?")) {
            bindSummary(s, 1, rc, generation);
            s.setLong(15, rowId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE case_mirror_doc SET doc = ? WHERE row_id = ?")) {
            s.setString(1, CaseDocument.write(rc));
            s.setLong(2, rowId);
            s.executeUpdate();
        }
    }

    /** Forgets a case the upstream no longer has. */
    public void deleteIn(Connection c, String caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM case_mirror WHERE case_id = ?")) {
            s.setString(1, caseId);
            s.executeUpdate();
        }
    }

    /** After a full listing: removes every case it did not see; returns how many. */
    public int sweepIn(Connection c, long generation) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM case_mirror WHERE sync_gen < ?")) {
            s.setLong(1, generation);
            return s.executeUpdate();
        }
    }

    /** Records the event cursor (null forgets it, forcing a full listing) and when the mirror caught up. */
    public void saveStateIn(Connection c, Long eventCursor, long generation, Instant caughtUpAt) throws SQLException {
        synced = null;
        put(c, GENERATION, Long.toString(generation));
        if (eventCursor == null) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM case_mirror_state WHERE name = ?")) {
                s.setString(1, CURSOR);
                s.executeUpdate();
            }
        } else {
            put(c, CURSOR, eventCursor.toString());
        }
        if (caughtUpAt != null) {
            put(c, CAUGHT_UP, Long.toString(caughtUpAt.toEpochMilli()));
        }
    }

    /**
     * Starts copying another upstream: the cursor is forgotten at once, so the desk reads the
     * upstream directly until the next full listing has replaced (and swept) the old copy.
     */
    public void switchUpstreamIn(Connection c, String upstream) throws SQLException {
        synced = null;
        try (PreparedStatement s = c.prepareStatement("DELETE FROM case_mirror_state WHERE name = ?")) {
            s.setString(1, CURSOR);
            s.executeUpdate();
        }
        put(c, UPSTREAM, upstream.length() > 256 ? upstream.substring(0, 256) : upstream);
    }

    private static void put(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("MERGE INTO case_mirror_state (name, state_value) KEY (name) VALUES (?, ?)")) {
            s.setString(1, name);
            s.setString(2, value);
            s.executeUpdate();
        }
    }

    private static Long rowIdOf(Connection c, String caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT row_id FROM case_mirror WHERE case_id = ?")) {
            s.setString(1, caseId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }

    private static void bindSummary(PreparedStatement s, int from, ReviewCase rc, long generation) throws SQLException {
        int i = from;
        s.setString(i++, rc.status().value());
        s.setLong(i++, rc.created().toEpochMilli());
        s.setLong(i++, rc.updated().toEpochMilli());
        s.setString(i++, rc.region());
        s.setString(i++, rc.rail());
        s.setString(i++, rc.amount().currency());
        s.setLong(i++, rc.amount().minor());
        s.setInt(i++, rc.risk().score());
        s.setString(i++, rc.risk().level());
        s.setString(i++, rulesColumn(rc.risk().rules()));
        s.setString(i++, rc.assignee());
        s.setBoolean(i++, rc.held());
        s.setBoolean(i++, rc.escalated());
        s.setLong(i, generation);
    }

    /** The comma-framed rule list; cut at whole rules to fit the column, keeping the first rules. */
    static String rulesColumn(List<String> rules) {
        StringBuilder out = new StringBuilder(",");
        for (String rule : rules) {
            if (out.length() + rule.length() + 1 > 1024) {
                break;
            }
            out.append(rule).append(',');
        }
        return out.toString();
    }

    private List<ReviewCase> documents(Connection c, List<long[]> keys) throws SQLException {
        if (keys.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT row_id, doc FROM case_mirror_doc WHERE row_id IN (");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "?" : ",?");
        }
        Map<Long, ReviewCase> byRow = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql.append(')').toString())) {
            for (int i = 0; i < keys.size(); i++) {
                s.setLong(i + 1, keys.get(i)[0]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    byRow.put(r.getLong(1), CaseDocument.read(r.getString(2)));
                }
            }
        }
        List<ReviewCase> out = new ArrayList<>(keys.size());
        for (long[] key : keys) {
            ReviewCase rc = byRow.get(key[0]);
            if (rc != null) {
                out.add(rc);
            }
        }
        return out;
    }

    private static long idsCursor(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            if (cursor.startsWith(IDS_PREFIX)) {
                return Long.parseLong(cursor.substring(IDS_PREFIX.length()));
            }
        } catch (NumberFormatException e) {
            // refused below with the same sentence as any other foreign cursor
        }
        throw new IllegalArgumentException("The id cursor '" + cursor + "' is not one this console made; start again.");
    }
}
