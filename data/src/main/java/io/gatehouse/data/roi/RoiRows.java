package io.gatehouse.data.roi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for the ROI tables; the only place that knows their columns. */
final class RoiRows {
    private RoiRows() {
    }

    static List<RoiRow> rows(Connection c) throws SQLException {
        List<RoiRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, area, baseline, currency, target_pct, time_frame_m,"
                + " notes, actual_source FROM roi_row ORDER BY position, id");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(new RoiRow(r.getString(1), r.getString(2),
                        new Amount(r.getBigDecimal(3).stripTrailingZeros(), Currency.getInstance(r.getString(4))),
                        r.getBigDecimal(5).stripTrailingZeros(), r.getInt(6), r.getString(7),
                        ActualSource.valueOf(r.getString(8))));
            }
        }
        return rows;
    }

    static void upsert(Connection c, RoiRow row) throws SQLException {
        int position;
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE((SELECT position FROM roi_row WHERE id = ?),"
                + " (SELECT COALESCE(MAX(position), 0) + 1 FROM roi_row))")) {
            s.setString(1, row.id());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                position = r.getInt(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement("MERGE INTO roi_row (id, position, area, baseline, currency,"
                + " target_pct, time_frame_m, notes, actual_source) KEY (id) VALUES (?,?,?,?,?,?,?,?,?)")) {
            s.setString(1, row.id());
            s.setInt(2, position);
            s.setString(3, row.area());
            s.setBigDecimal(4, row.baseline().value());
            s.setString(5, row.baseline().currency().getCurrencyCode());
            s.setBigDecimal(6, row.targetReduction());
            s.setInt(7, row.timeFrameMonths());
            s.setString(8, row.notes());
            s.setString(9, row.source().name());
            s.executeUpdate();
        }
    }

    static boolean delete(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM roi_row WHERE id = ?")) {
            s.setString(1, id);
            return s.executeUpdate() == 1;
        }
    }

    static void insertActual(Connection c, RoiActual a) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO roi_actual (row_id, recorded_ms, losses, currency,"
                + " recorded_by, note) VALUES (?,?,?,?,?,?)")) {
            s.setString(1, a.rowId());
            s.setLong(2, a.recordedAt().toEpochMilli());
            s.setBigDecimal(3, a.lossesToDate().value());
            s.setString(4, a.lossesToDate().currency().getCurrencyCode());
            s.setString(5, a.recordedBy());
            s.setString(6, a.note());
            s.executeUpdate();
        }
    }

    /** The latest entry of each row. */
    static Map<String, RoiActual> latestActuals(Connection c) throws SQLException {
        Map<String, RoiActual> latest = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT row_id, recorded_ms, losses, currency, recorded_by, note"
                + " FROM roi_actual ORDER BY recorded_ms");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                latest.put(r.getString(1), new RoiActual(r.getString(1),
                        new Amount(r.getBigDecimal(3).stripTrailingZeros(), Currency.getInstance(r.getString(4))),
                        Instant.ofEpochMilli(r.getLong(2)), r.getString(5), r.getString(6)));
            }
        }
        return latest;
    }

    static Optional<RoiSettings> settings(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT reporting_currency, programme_start_ms, downtime_per_hour,"
                + " downtime_currency FROM roi_settings");
                ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                return Optional.empty();
            }
            return Optional.of(new RoiSettings(Currency.getInstance(r.getString(1)), Instant.ofEpochMilli(r.getLong(2)),
                    new Amount(r.getBigDecimal(3).stripTrailingZeros(), Currency.getInstance(r.getString(4)))));
        }
    }

    static void saveSettings(Connection c, RoiSettings settings) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("MERGE INTO roi_settings (singleton, reporting_currency,"
                + " programme_start_ms, downtime_per_hour, downtime_currency) KEY (singleton) VALUES (TRUE,?,?,?,?)")) {
            s.setString(1, settings.reportingCurrency().getCurrencyCode());
            s.setLong(2, settings.programmeStart().toEpochMilli());
            s.setBigDecimal(3, settings.downtimeCostPerHour().value());
            s.setString(4, settings.downtimeCostPerHour().currency().getCurrencyCode());
            s.executeUpdate();
        }
    }
}
