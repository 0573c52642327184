package io.gatehouse.bench.desk;

import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.data.review.mirror.CaseDocument;
import io.gatehouse.data.review.mirror.CaseSort;
import io.gatehouse.data.store.LocalStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline: the first page as plain JDBC would ask for it, with simple composite indexes,
 * ORDER BY the sort column and LIMIT/OFFSET, on the same H2 data. It reads and parses the same
 * stored cases as the mirror, so only the query and index design differ.
 */
final class NaiveQueries {
    private NaiveQueries() {
    }

    static void createIndexes(LocalStore store) {
        store.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE INDEX IF NOT EXISTS naive_status_created ON case_mirror (status, created_ms)");
                s.execute("CREATE INDEX IF NOT EXISTS naive_status_amount ON case_mirror (status, amount_minor)");
                s.execute("CREATE INDEX IF NOT EXISTS naive_status_risk ON case_mirror (status, risk_score)");
            }
            return null;
        });
    }

    static List<ReviewCase> firstPage(LocalStore store, CaseFilter f, CaseSort sort) {
        StringBuilder sql = new StringBuilder("SELECT d.doc FROM case_mirror m JOIN case_mirror_doc d ON d.row_id = m.row_id"
                + " WHERE 1=1");
        List<Object> params = new ArrayList<>();
        add(sql, params, "m.status = ?", f.status() == null ? null : f.status().value());
        add(sql, params, "m.region = ?", f.region());
        add(sql, params, "m.rail = ?", f.rail());
        add(sql, params, "m.currency = ?", f.currency());
        add(sql, params, "m.risk_level = ?", f.riskLevel());
        add(sql, params, "m.risk_score >= ?", f.minRisk());
        add(sql, params, "m.risk_score <= ?", f.maxRisk());
        add(sql, params, "m.amount_minor >= ?", f.minAmount());
        add(sql, params, "m.amount_minor <= ?", f.maxAmount());
        add(sql, params, "m.rules LIKE ?", f.rule() == null ? null : "%," + f.rule() + ",%");
        add(sql, params, "m.assignee = ?", f.assignee());
        String column = switch (sort) {
            case NEWEST, AGE -> "m.created_ms";
            case AMOUNT -> "m.amount_minor";
            case RISK -> "m.risk_score";
        };
        sql.append(" ORDER BY ").append(column).append(sort == CaseSort.AGE ? "" : " DESC")
                .append(" LIMIT ? OFFSET 0");
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                int i = 1;
                for (Object p : params) {
                    s.setObject(i++, p);
                }
                s.setInt(i, f.limit());
                List<ReviewCase> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(CaseDocument.read(r.getString(1)));
                    }
                }
                return out;
            }
        });
    }

    private static void add(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
    }
}
