package io.gatehouse.app.wiring;

import io.gatehouse.data.defense.AuditItem;
import io.gatehouse.data.defense.ItemResult;
import io.gatehouse.data.defense.ItemStatus;
import io.gatehouse.data.maturity.Answer;
import io.gatehouse.data.maturity.Assessment;
import io.gatehouse.data.maturity.Criterion;
import io.gatehouse.data.maturity.Dimension;
import io.gatehouse.data.maturity.Grade;
import io.gatehouse.data.maturity.MaturityBook;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

/**
 * Two assessments a quarter apart for a console running on the sandbox, so the radar shows current,
 * target and previous from the first start. They are recorded only into an empty book, and named as
 * sandbox assessments.
 */
final class SandboxAssessments {
    // How far each dimension has climbed, per quarter: levels fully met, then the grade reached on the next.
    private static final Map<Dimension, double[]> CLIMB = new EnumMap<>(Map.of(
            Dimension.ARCHITECTURE, new double[] {1.5, 2.4},
            Dimension.EXECUTION, new double[] {1.2, 1.8},
            Dimension.MEASUREMENT, new double[] {2.0, 2.9},
            Dimension.CULTURE, new double[] {0.8, 1.5}));
    private static final Map<Dimension, Integer> TARGETS = new EnumMap<>(Map.of(
            Dimension.ARCHITECTURE, 3, Dimension.EXECUTION, 3, Dimension.MEASUREMENT, 4, Dimension.CULTURE, 2));

    private SandboxAssessments() {
    }

    static void seedIfEmpty(MaturityBook book, java.time.InstantSource clock) {
        if (!book.list().isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        book.save(quarter(book, "sandbox-previous", "Sandbox review, last quarter", today.minusMonths(3), 0));
        book.save(book.refreshEvidence(quarter(book, "sandbox-current", "Sandbox review, this quarter", today, 1)));
    }

    private static Assessment quarter(MaturityBook book, String id, String name, LocalDate date, int quarter) {
        Assessment a = Assessment.blank(id, name, date, book.catalogue(), TARGETS);
        for (Criterion c : a.catalogue().criteria()) {
            double standing = CLIMB.get(c.dimension())[quarter];
            a = a.withAnswer(new Answer(c.id(), grade(standing, c), "", "", null));
        }
        int index = 0;
        for (AuditItem item : a.auditItems()) {
            // higher-impact items were worked on first; the later quarter closed a few more
            boolean passes = item.impact() >= 5 - quarter || index++ % 3 == 0;
            a = a.withAuditResult(new ItemResult(item.id(), passes ? ItemStatus.PASS : ItemStatus.FAIL, "", null));
        }
        return a;
    }

    // Levels below the standing are met (most or all); the next level is partly there; higher levels barely.
    private static Grade grade(double standing, Criterion c) {
        int met = (int) Math.floor(standing);
        if (c.level() <= met) {
            return c.id().hashCode() % 2 == 0 ? Grade.ALL : Grade.MOST;
        }
        if (c.level() == met + 1) {
            return Grade.atMost(standing - met);
        }
        return c.level() == met + 2 ? Grade.SOME : Grade.NONE;
    }
}
