package io.gatehouse.data.maturity;

import io.gatehouse.data.defense.AuditItem;
import io.gatehouse.data.defense.ItemResult;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for assessments; every method runs inside the caller's transaction. */
final class AssessmentRows {
    private AssessmentRows() {
    }

    static boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM maturity_assessment WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /** Inserts or replaces {@code a} with its scores and audit results. */
    static void put(Connection c, Assessment a, long savedMs) throws SQLException {
        delete(c, a.id());
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO maturity_assessment (id, name, assessed_on, saved_ms, document) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, a.id());
            s.setString(2, a.name());
            s.setDate(3, Date.valueOf(a.date()));
            s.setLong(4, savedMs);
            s.setString(5, AssessmentJson.writeStored(a));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO maturity_dimension_score"
                + " (assessment_id, dimension, met_level, progress, target) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<Dimension, DimensionScore> e : a.scores().entrySet()) {
                s.setString(1, a.id());
                s.setString(2, e.getKey().name());
                s.setInt(3, e.getValue().metLevel());
                s.setDouble(4, e.getValue().progress());
                s.setInt(5, a.target(e.getKey()));
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO defense_item_result"
                + " (assessment_id, item_id, area, status, impact, automatic) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (AuditItem item : a.auditItems()) {
                ItemResult r = a.auditResults().stream().filter(x -> x.item().equals(item.id())).findFirst()
                        .orElse(ItemResult.open(item.id()));
                s.setString(1, a.id());
                s.setString(2, item.id());
                s.setString(3, item.area().name());
                s.setString(4, r.status().name());
                s.setInt(5, item.impact());
                s.setBoolean(6, r.measurement() != null);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    static boolean delete(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM maturity_assessment WHERE id = ?")) {
            s.setString(1, id);
            return s.executeUpdate() > 0;
        }
    }

    static Optional<Assessment> find(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT document FROM maturity_assessment WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(AssessmentJson.readStored(r.getString(1))) : Optional.empty();
            }
        }
    }

    /** Oldest first; assessments on the same day in id order. */
    static List<AssessmentSummary> list(Connection c) throws SQLException {
        List<AssessmentSummary> all = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, name, assessed_on FROM maturity_assessment ORDER BY assessed_on, id");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                all.add(new AssessmentSummary(r.getString(1), r.getString(2), r.getDate(3).toLocalDate()));
            }
        }
        return all;
    }

    static List<TimelinePoint> timeline(Connection c, Dimension d) throws SQLException {
        List<TimelinePoint> points = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT a.id, a.name, a.assessed_on, s.met_level, s.progress, s.target"
                + " FROM maturity_assessment a JOIN maturity_dimension_score s ON s.assessment_id = a.id"
                + " WHERE s.dimension = ? ORDER BY a.assessed_on, a.id")) {
            s.setString(1, d.name());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    points.add(new TimelinePoint(r.getString(1), r.getString(2), r.getDate(3).toLocalDate(), d,
                            r.getInt(4) + r.getDouble(5), r.getInt(6)));
                }
            }
        }
        return points;
    }
}
