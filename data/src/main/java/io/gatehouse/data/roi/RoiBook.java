package io.gatehouse.data.roi;

import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.operator.OperatorSession;
import io.gatehouse.data.operator.Permission;
import io.gatehouse.data.store.LocalStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.InstantSource;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ROI table as kept in the local store: its rows, hand-entered losses and how it is reported.
 * Reading needs the executive view; every change needs the right to edit assessments and is audited
 * in the same transaction.
 */
public final class RoiBook {
    /** Without saved settings: dollars, an hour of downtime at 25,000, counted from 1 January of this year. */
    static final Amount DEFAULT_DOWNTIME_PER_HOUR = Amount.of("25000", "USD");

    private final LocalStore store;
    private final AuditLog audit;
    private final OperatorSession session;
    private final InstantSource clock;

    public RoiBook(LocalStore store, AuditLog audit, OperatorSession session, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.session = Objects.requireNonNull(session, "session");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public List<RoiRow> rows() {
        session.require(Permission.VIEW_EXECUTIVE);
        return store.read(RoiRows::rows);
    }

    public Map<String, RoiActual> latestActuals() {
        session.require(Permission.VIEW_EXECUTIVE);
        return store.read(RoiRows::latestActuals);
    }

    public RoiSettings settings() {
        session.require(Permission.VIEW_EXECUTIVE);
        return store.read(RoiRows::settings).orElseGet(() -> defaults(clock.instant()));
    }

    /** The settings before any are saved: year to date in US dollars. */
    public static RoiSettings defaults(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return new RoiSettings(Currency.getInstance("USD"), today.withDayOfYear(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                DEFAULT_DOWNTIME_PER_HOUR);
    }

    /** Adds a row or replaces the row with the same id, keeping its place. */
    public void save(RoiRow row) {
        session.require(Permission.EDIT_ASSESSMENTS);
        store.write(c -> {
            RoiRows.upsert(c, row);
            audit.appendIn(c, "roi.row.saved", "roi/" + row.id(), Map.of("area", row.area(),
                    "baseline", row.baseline().toString(), "targetReductionPct", row.targetReduction().toPlainString(),
                    "timeFrameMonths", Integer.toString(row.timeFrameMonths()), "source", row.source().name()), null);
            return null;
        });
    }

    public boolean delete(String rowId) {
        session.require(Permission.EDIT_ASSESSMENTS);
        return store.write(c -> {
            boolean gone = RoiRows.delete(c, rowId);
            if (gone) {
                audit.appendIn(c, "roi.row.deleted", "roi/" + rowId, Map.of(), null);
            }
            return gone;
        });
    }

    /** Records losses to date for a row, as entered now by the operator. */
    public RoiActual enter(String rowId, Amount lossesToDate, String note) {
        session.require(Permission.EDIT_ASSESSMENTS);
        RoiActual actual = new RoiActual(rowId, lossesToDate, clock.instant(), session.operator().id(), note);
        return store.write(c -> {
            if (RoiRows.rows(c).stream().noneMatch(r -> r.id().equals(rowId))) {
                throw new IllegalArgumentException("There is no ROI row '" + rowId + "'.");
            }
            RoiRows.insertActual(c, actual);
            audit.appendIn(c, "roi.actual.entered", "roi/" + rowId, Map.of("lossesToDate", lossesToDate.toString()), null);
            return actual;
        });
    }

    public void save(RoiSettings settings) {
        session.require(Permission.EDIT_ASSESSMENTS);
        store.write(c -> {
            RoiRows.saveSettings(c, settings);
            audit.appendIn(c, "roi.settings.saved", "roi", Map.of("reportingCurrency",
                    settings.reportingCurrency().getCurrencyCode(), "programmeStart", settings.programmeStart().toString(),
                    "downtimePerHour", settings.downtimeCostPerHour().toString()), null);
            return null;
        });
    }

    /** Progress of every row with what the console measured, in the saved reporting currency. */
    public List<RoiProgress> progress(RoiMeasurements measured, ExchangeRates rates) {
        return progress(settings(), measured, rates);
    }

    /** Progress in the given settings (for a report in another currency than the saved one). */
    public List<RoiProgress> progress(RoiSettings settings, RoiMeasurements measured, ExchangeRates rates) {
        return RoiCalculator.progress(rows(), settings, measured, latestActuals(), rates, clock.instant());
    }
}
