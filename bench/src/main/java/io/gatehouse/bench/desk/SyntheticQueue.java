package io.gatehouse.bench.desk;

import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.Money;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.data.review.mirror.CaseDocument;
import io.gatehouse.data.store.LocalStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the mirror tables of a local store with generated cases, as fast as H2 allows: the
 * mirror's indexes are dropped, every row is made inside H2 by INSERT ... SELECT over
 * SYSTEM_RANGE (no row crosses JDBC), and the indexes are built again from the very statements of
 * the migration, so the benchmark measures the shipped design.
 */
final class SyntheticQueue {
    static final String[] REGIONS = {"north_america", "eu", "uk", "india", "japan_korea", "brazil_latam"};
    static final String[] RAILS = {"card", "card", "card", "wallet", "wallet", "bank_transfer", "upi", "pix", "konbini"};
    static final String[] EXTRA_RULES = {"cvc_check_failed", "avs_mismatch", "three_d_secure_failed",
            "country_mismatch", "high_velocity", "new_device"};
    static final int ANALYSTS = 20;
    static final Instant START = Instant.parse("2026-08-01T00:00:00Z");
    private static final Pattern INDEX = Pattern.compile("CREATE INDEX (\\w+) ON case_mirror \\([^;]*\\);",
            Pattern.DOTALL);
    private static final int BATCH = 50_000;
    private static final long[] PRIMES = {104_729, 130_363, 155_921, 180_503, 205_759, 230_719, 256_117, 281_339,
            306_503, 331_777, 356_869, 382_259, 407_599, 433_033, 458_377, 483_611, 509_053, 534_283, 559_799,
            584_983, 610_279, 635_707};

    private SyntheticQueue() {
    }

    /** Writes {@code rows} cases; returns the milliseconds spent loading rows and building indexes. */
    static long[] fill(LocalStore store, int rows, long seed) {
        List<String[]> indexes = migrationIndexes();
        long t0 = System.nanoTime();
        store.write(c -> {
            try (Statement s = c.createStatement()) {
                for (String[] index : indexes) {
                    s.execute("DROP INDEX " + index[0]);
                }
                // an index shipped by a migration this benchmark does not know would go unmeasured
                try (var left = s.executeQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME ="
                        + " 'CASE_MIRROR' AND INDEX_TYPE_NAME = 'INDEX'")) {
                    if (left.next()) {
                        throw new IllegalStateException("the case mirror has an index this benchmark does not rebuild: "
                                + left.getString(1) + "; add its migration to SyntheticQueue.INDEX_MIGRATIONS");
                    }
                }
            }
            return null;
        });
        // 50,000 rows a transaction: H2 keeps a transaction's changes in memory until it commits
        for (int from = 1; from <= rows; from += BATCH) {
            int first = from;
            int last = Math.min(rows, from + BATCH - 1);
            store.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute(summariesSql(first, last, seed));
                    s.execute(documentsSql() + " WHERE m.row_id BETWEEN " + first + " AND " + last);
                }
                return null;
            });
        }
        long loaded = System.nanoTime();
        store.write(c -> {
            try (Statement s = c.createStatement()) {
                for (String[] index : indexes) {
                    s.execute(index[1]);
                }
                s.execute("ALTER TABLE case_mirror ALTER COLUMN row_id RESTART WITH " + (rows + 1));
            }
            return null;
        });
        long indexed = System.nanoTime();
        return new long[] {(loaded - t0) / 1_000_000, (indexed - loaded) / 1_000_000};
    }

    /**
     * Every summary in one statement. Each field draws from its own multiplicative hash of the row
     * number, so fields vary independently and the same seed always gives the same store. About
     * 30% of cases are in review, one in 200 is claimed by one of 20 analysts, each extra rule
     * fires on one case in eight; a case is created every 7.8 s, so a million span 90 days.
     */
    static String summariesSql(int first, int last, long seed) {
        String g = draw(1, seed, 6);
        String score = "60 + " + draw(7, seed, 41);
        return "INSERT INTO case_mirror (row_id, case_id, status, created_ms, updated_ms, region, rail, currency,"
                + " amount_minor, risk_score, risk_level, rules, assignee, held, escalated, sync_gen)"
                + " SELECT X, 'case_' || LPAD(X, 10, '0'),"
                + " CASE WHEN " + draw(2, seed, 10) + " < 3 THEN 'review' WHEN " + draw(2, seed, 10)
                + " < 5 THEN 'auto_declined' ELSE 'decided' END,"
                + " " + START.toEpochMilli() + " + (X * 7776 / 1000) * 1000,"
                + " " + START.toEpochMilli() + " + (X * 7776 / 1000) * 1000 + " + draw(3, seed, 86_400) + " * 1000,"
                + " CASE " + g + pick(REGIONS) + " END,"
                + " CASE " + draw(4, seed, RAILS.length) + pick(RAILS) + " END,"
                + " CASE " + g + " WHEN 0 THEN CASEWHEN(" + draw(5, seed, 6) + " = 0, 'CAD', 'USD') WHEN 1 THEN 'EUR'"
                + " WHEN 2 THEN 'GBP' WHEN 3 THEN 'INR' WHEN 4 THEN CASEWHEN(" + draw(5, seed, 3) + " = 0, 'KRW', 'JPY')"
                + " ELSE CASEWHEN(" + draw(5, seed, 3) + " = 0, 'MXN', 'BRL') END,"
                + " 100 + " + draw(6, seed, 1_000_000) + " * CASE " + g + " WHEN 3 THEN 50 WHEN 4 THEN 180"
                + " WHEN 5 THEN 8 ELSE 2 END / 100,"
                + " " + score + ","
                + " CASEWHEN(" + score + " >= 90, 'highest', 'elevated'),"
                + " CASEWHEN(" + score + " >= 90, ',risk_score_highest,', ',risk_score_elevated,')" + extraRules(seed) + ","
                + " CASEWHEN(" + draw(20, seed, 200) + " = 0, 'analyst_' || " + draw(21, seed, ANALYSTS) + ", NULL),"
                + " FALSE, FALSE, 1 FROM SYSTEM_RANGE(" + first + ", " + last + ")";
    }

    /**
     * The stored cases, from one case the console wrote itself with its fields swapped for each
     * row's own values, so every page the desk reads parses a real case document.
     */
    static String documentsSql() {
        String sql = "'" + CaseDocument.write(template()).replace("'", "''") + "'";
        sql = replace(sql, "case_TEMPLATE", "m.case_id");
        sql = replace(sql, "\"STATUS\"", "'\"' || m.status || '\"'");
        sql = replace(sql, "\"REGION\"", "'\"' || m.region || '\"'");
        sql = replace(sql, "\"RAIL\"", "'\"' || m.rail || '\"'");
        sql = replace(sql, "\"QQQ\"", "'\"' || m.currency || '\"'");
        sql = replace(sql, "987654321987", "CAST(m.amount_minor AS VARCHAR)");
        sql = replace(sql, "\"score\":77", "'\"score\":' || m.risk_score");
        sql = replace(sql, "\"LEVEL\"", "'\"' || m.risk_level || '\"'");
        sql = replace(sql, "\"RULES\"", "'\"' || REPLACE(TRIM(BOTH ',' FROM m.rules), ',', '\",\"') || '\"'");
        sql = replace(sql, "\"2000-01-01T00:00:00Z\"", "'\"' || " + instant("m.created_ms") + " || '\"'");
        sql = replace(sql, "\"2000-01-02T00:00:00Z\"", "'\"' || " + instant("m.updated_ms") + " || '\"'");
        sql = replace(sql, "\"ASSIGNEE\"", "COALESCE('\"' || m.assignee || '\"', 'null')");
        return "INSERT INTO case_mirror_doc (row_id, doc) SELECT m.row_id, " + sql + " FROM case_mirror m";
    }

    private static String instant(String millisColumn) {
        return "FORMATDATETIME(DATEADD(MILLISECOND, " + millisColumn + ", TIMESTAMP WITH TIME ZONE"
                + " '1970-01-01 00:00:00+00'), 'yyyy-MM-dd''T''HH:mm:ss''Z''', 'en', 'UTC')";
    }

    /** Swaps {@code placeholder} inside the SQL string literal for the SQL expression {@code expression}. */
    private static String replace(String literalSql, String placeholder, String expression) {
        String quoted = placeholder.replace("'", "''");
        if (!literalSql.contains(quoted)) {
            throw new IllegalStateException("the case template has no " + placeholder + ": " + literalSql);
        }
        return literalSql.replace(quoted, "' || " + expression + " || '");
    }

    private static ReviewCase template() {
        return new ReviewCase("case_TEMPLATE", new CaseStatus("STATUS"), Instant.parse("2000-01-01T00:00:00Z"),
                Instant.parse("2000-01-02T00:00:00Z"), "ord_case_TEMPLATE",
                new ReviewCase.Merchant("m_1", "Northwind Outfitters"), "REGION", "RAIL",
                new Money(987654321987L, "QQQ"), new ReviewCase.Risk(77, "LEVEL", List.of("RULES")),
                new ReviewCase.PaymentChecks("pass", "fail", "pass", "authenticated"),
                new ReviewCase.Card("fp_3f9a1c77d2e0b6a4", "424242", "visa", "4242", "DE"),
                new ReviewCase.Geo("203.0.113.77", "DE", "DE", "FR"),
                new ReviewCase.Device("dev_8c1e55a0f3b2d917", Instant.parse("2026-07-01T12:00:00Z"),
                        "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0"),
                new ReviewCase.Session("ses_5521", "tok_5521", 412),
                new ReviewCase.Velocity(2, 1, 3, 6),
                new ReviewCase.Customer("cus_104233", "shopper104233@example.com", 812, 17, 1, 0),
                List.of(new ReviewCase.LinkedOrder("ord_prev_5521", "card", Instant.parse("2026-07-30T09:00:00Z"))),
                false, false, "ASSIGNEE", null, List.of(), 0, List.of());
    }

    private static String extraRules(long seed) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < EXTRA_RULES.length; i++) {
            out.append(" || CASEWHEN(").append(draw(8 + i, seed, 8)).append(" = 0, '").append(EXTRA_RULES[i])
                    .append(",', '')");
        }
        return out.toString();
    }

    private static String pick(String[] values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            out.append(i == values.length - 1 ? " ELSE '" : " WHEN " + i + " THEN '").append(values[i]).append('\'');
        }
        return out.toString();
    }

    /** A value in [0, n) for row X: the row number times a per-field prime, modulo a larger prime. */
    private static String draw(int field, long seed, int n) {
        long multiplier = PRIMES[field % PRIMES.length] + seed * 2;
        return "MOD(MOD(X * " + multiplier + " + " + (field * 7_919L) + ", 1000003), " + n + ")";
    }

    /** The migrations that create case mirror indexes; a new one must be added here to be measured. */
    private static final List<String> INDEX_MIGRATIONS = List.of("V9__case_mirror.sql", "V13__case_mirror_region_amount.sql");

    /** The mirror's CREATE INDEX statements, read from the migrations that ship them. */
    static List<String[]> migrationIndexes() {
        List<String[]> out = new ArrayList<>();
        for (String migration : INDEX_MIGRATIONS) {
            String sql;
            try (InputStream in = SyntheticQueue.class.getResourceAsStream("/db/migration/" + migration)) {
                sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("the case mirror migration " + migration + " is not on the class path", e);
            }
            Matcher m = INDEX.matcher(sql);
            while (m.find()) {
                out.add(new String[] {m.group(1), m.group().substring(0, m.group().length() - 1)});
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no CREATE INDEX statements found in the case mirror migration");
        }
        return out;
    }
}
