package io.gatehouse.data.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.operator.PermissionDeniedException;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.TestOperators;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoiBookTest {
    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private LocalStore store;
    private RoiBook book;
    private AuditLog audit;

    @BeforeEach
    void open() {
        store = LocalStore.open(tmp.resolve("data"));
        var lead = TestOperators.lead(clock);
        audit = new AuditLog(store, lead, clock);
        book = new RoiBook(store, audit, lead, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aNewStoreHasTheFrameworksFourRows() {
        assertThat(book.rows()).extracting(RoiRow::area, r -> r.baseline().toString(), r -> r.targetReduction().toPlainString(),
                        RoiRow::timeFrameMonths)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Authentication friction", "1500000 USD", "40", 12),
                        org.assertj.core.groups.Tuple.tuple("Fraud losses", "2200000 USD", "60", 12),
                        org.assertj.core.groups.Tuple.tuple("Downtime cost", "800000 USD", "70", 12),
                        org.assertj.core.groups.Tuple.tuple("Compliance fines", "200000 USD", "90", 24));
        assertThat(book.settings().programmeStart()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void editsEntriesAndSettingsSurviveReopeningAndAreAudited() {
        RoiRow fines = book.rows().get(3);
        book.save(new RoiRow(fines.id(), fines.area(), Amount.of("250000.50", "EUR"), new BigDecimal("85.5"), 18,
                "after the audit", ActualSource.ENTERED));
        book.enter("compliance-fines", Amount.of("1200", "EUR"), "first quarter");
        clock.advance(java.time.Duration.ofMinutes(1));
        book.enter("compliance-fines", Amount.of("1500", "EUR"), "second quarter");
        book.save(book.settings().withReportingCurrency(Currency.getInstance("INR")));
        store.close();
        store = LocalStore.open(tmp.resolve("data"));
        var lead = TestOperators.lead(clock);
        book = new RoiBook(store, new AuditLog(store, lead, clock), lead, clock);

        RoiRow saved = book.rows().get(3);
        assertThat(saved.baseline()).isEqualTo(Amount.of("250000.5", "EUR"));
        assertThat(saved.targetReduction()).isEqualByComparingTo("85.5");
        assertThat(saved.timeFrameMonths()).isEqualTo(18);
        assertThat(book.latestActuals().get("compliance-fines").lossesToDate()).isEqualTo(Amount.of("1500", "EUR"));
        assertThat(book.settings().reportingCurrency().getCurrencyCode()).isEqualTo("INR");
        assertThat(new AuditLog(store, lead, clock).find(AuditQuery.latest(50)))
                .extracting(e -> e.action()).contains("roi.row.saved", "roi.actual.entered", "roi.settings.saved");
    }

    @Test
    void anEntryForAnUnknownRowIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> book.enter("nope", Amount.of("1", "USD"), ""))
                .hasMessage("There is no ROI row 'nope'.");
        assertThat(book.latestActuals()).isEmpty();
    }

    @Test
    void anExecutiveViewerReadsButCannotEdit() {
        var viewer = TestOperators.session(clock, Role.EXECUTIVE_VIEWER);
        RoiBook readOnly = new RoiBook(store, new AuditLog(store, viewer, clock), viewer, clock);

        assertThat(readOnly.rows()).hasSize(4);
        assertThatThrownBy(() -> readOnly.enter("fraud-losses", Amount.of("1", "USD"), ""))
                .isInstanceOf(PermissionDeniedException.class);
    }
}
