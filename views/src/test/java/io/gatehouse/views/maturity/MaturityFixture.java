package io.gatehouse.views.maturity;

import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.defense.ItemResult;
import io.gatehouse.data.defense.ItemStatus;
import io.gatehouse.data.evidence.EvidenceBoard;
import io.gatehouse.data.evidence.FourEyesEvidence;
import io.gatehouse.data.files.SafeFileWriter;
import io.gatehouse.data.maturity.Answer;
import io.gatehouse.data.maturity.Assessment;
import io.gatehouse.data.maturity.CatalogueSource;
import io.gatehouse.data.maturity.Criterion;
import io.gatehouse.data.maturity.Dimension;
import io.gatehouse.data.maturity.Grade;
import io.gatehouse.data.maturity.MaturityBook;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.review.FourEyesPolicy;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.views.testing.FixedSession;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A real maturity book on a local store in a temporary folder, with two quarters recorded. */
final class MaturityFixture implements AutoCloseable {
    final LocalStore store;
    final MaturityBook book;

    MaturityFixture(Path dir, InstantSource clock) {
        store = LocalStore.open(dir.resolve("data"));
        FixedSession lead = FixedSession.of("Dana Lead", Role.LEAD);
        book = new MaturityBook(store, new AuditLog(store, lead, clock), lead, clock,
                new EvidenceBoard(clock, List.of(new FourEyesEvidence(FourEyesPolicy::defaults))),
                new CatalogueSource(dir.resolve("data"), new SafeFileWriter()));
    }

    /** Q3 and Q4 of 2026: every dimension moves a little, some checklist items pass. */
    MaturityFixture seeded() {
        book.save(quarter("q3-2026", "Q3 2026 review", "2026-08-20", 0));
        book.save(book.refreshEvidence(quarter("q4-2026", "Q4 2026 review", "2026-11-20", 1)));
        return this;
    }

    static Assessment quarter(String id, String name, String date, int step) {
        Assessment a = Assessment.blank(id, name, LocalDate.parse(date), CatalogueSource.shipped(),
                Map.of(Dimension.ARCHITECTURE, 3, Dimension.EXECUTION, 3, Dimension.MEASUREMENT, 4, Dimension.CULTURE, 3));
        Grade[] ladder = {Grade.ALL, Grade.MOST, Grade.HALF, Grade.SOME, Grade.NONE};
        for (Criterion c : a.catalogue().criteria()) {
            int offset = switch (c.dimension()) {
                case ARCHITECTURE -> 0;
                case EXECUTION -> 1;
                case MEASUREMENT -> 0;
                case CULTURE -> 1;
            };
            int index = Math.max(0, Math.min(4, c.level() - 1 + offset - step + (c.id().endsWith("-2") ? 1 : 0)));
            a = a.withAnswer(new Answer(c.id(), ladder[index], c.level() == 1 ? "In place since 2025" : "", "", null));
        }
        int passed = 0;
        for (var item : a.auditItems()) {
            ItemStatus status = item.impact() >= 4 - step && passed++ % 2 == 0 ? ItemStatus.PASS : ItemStatus.FAIL;
            a = a.withAuditResult(new ItemResult(item.id(), status, "", null));
        }
        return a;
    }

    @Override
    public void close() {
        store.close();
    }
}
