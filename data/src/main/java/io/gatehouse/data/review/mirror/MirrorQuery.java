package io.gatehouse.data.review.mirror;

import io.gatehouse.data.review.CaseFilter;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL for one filtered, sorted page of the mirror. It names the index to use and orders by
 * that index's own leading columns (status included, though fixed by the filter), because H2 only
 * reads an index in order when the ORDER BY spells out its prefix; otherwise it sorts every
 * matching row first. Paging seeks past the last (key, row) pair; there is no OFFSET anywhere.
 */
final class MirrorQuery {
    private final StringBuilder where = new StringBuilder();
    private final List<Object> params = new ArrayList<>();
    private final String index;
    private final String orderBy;

    private MirrorQuery(CaseFilter filter, CaseSort sort) {
        String dir = sort.descending() ? " DESC" : "";
        if (filter.assignee() != null) {
            // "my cases": one analyst holds few cases, so they are sorted after the index finds them
            index = "case_mirror_assignee";
            orderBy = sort.column() + dir + ", row_id" + dir;
        } else if (filter.status() != null && filter.region() != null && sort.indexKey().equals("amount")) {
            // the region's amounts sit deep in the all-region amount index; this one starts where they are
            index = "case_mirror_status_region_amount";
            orderBy = "status" + dir + ", region" + dir + ", " + sort.column() + dir + ", row_id" + dir;
        } else if (filter.status() != null) {
            index = "case_mirror_status_" + sort.indexKey();
            orderBy = "status" + dir + ", " + sort.column() + dir + ", row_id" + dir;
        } else {
            index = "case_mirror_" + sort.indexKey();
            orderBy = sort.column() + dir + ", row_id" + dir;
        }
        equal("status", filter.status() == null ? null : filter.status().value());
        equal("region", filter.region());
        equal("rail", filter.rail());
        equal("currency", filter.currency() == null ? null : filter.currency().toUpperCase(Locale.ROOT));
        equal("risk_level", filter.riskLevel());
        compare("risk_score", ">=", filter.minRisk());
        compare("risk_score", "<=", filter.maxRisk());
        compare("amount_minor", ">=", filter.minAmount());
        compare("amount_minor", "<=", filter.maxAmount());
        if (filter.rule() != null) {
            condition("rules LIKE ? ESCAPE '\\'", "%," + escapeLike(filter.rule()) + ",%");
        }
        equal("assignee", filter.assignee());
    }

    static MirrorQuery of(CaseFilter filter, CaseSort sort) {
        return new MirrorQuery(filter, sort);
    }

    /**
     * Continues after {@code cursor}. Written as "key at most the last one, and either below it or
     * on a lower row" so the first half is a range the index can seek to, where the equivalent OR
     * of two cases would be checked row by row.
     */
    MirrorQuery after(MirrorCursor cursor, CaseSort sort) {
        String op = sort.descending() ? "<" : ">";
        condition(sort.column() + " " + op + "= ?", cursor.key());
        where.append(" AND (").append(sort.column()).append(' ').append(op).append(" ? OR row_id ").append(op)
                .append(" ?)");
        params.add(cursor.key());
        params.add(cursor.rowId());
        return this;
    }

    /** Row ids and sort keys of one page plus one more, which tells whether a next page exists. */
    String pageSql(CaseSort sort) {
        return "SELECT row_id, " + sort.column() + " FROM case_mirror USE INDEX (" + index + ")" + whereClause()
                + " ORDER BY " + orderBy + " FETCH FIRST ? ROWS ONLY";
    }

    String countSql() {
        return "SELECT COUNT(*) FROM case_mirror USE INDEX (" + index + ")" + whereClause();
    }

    /** Case ids in row order, for actions over every match; a chunk at a time so the caller can stop. */
    String idsSql(long afterRowId) {
        condition("row_id > ?", afterRowId);
        return "SELECT row_id, case_id FROM case_mirror" + whereClause() + " ORDER BY row_id FETCH FIRST ? ROWS ONLY";
    }

    /** Binds the filter values from parameter 1 on; returns the next free parameter index. */
    int bind(PreparedStatement s) throws SQLException {
        int i = 1;
        for (Object p : params) {
            s.setObject(i++, p);
        }
        return i;
    }

    String index() {
        return index;
    }

    private String whereClause() {
        return where.isEmpty() ? "" : " WHERE " + where;
    }

    private void equal(String column, String value) {
        if (value != null) {
            condition(column + " = ?", value);
        }
    }

    private void compare(String column, String op, Number value) {
        if (value != null) {
            condition(column + " " + op + " ?", value);
        }
    }

    private void condition(String sql, Object value) {
        if (!where.isEmpty()) {
            where.append(" AND ");
        }
        where.append(sql);
        params.add(value);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
