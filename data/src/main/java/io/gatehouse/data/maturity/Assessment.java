package io.gatehouse.data.maturity;

import io.gatehouse.data.defense.AuditItem;
import io.gatehouse.data.defense.DefensiveAudit;
import io.gatehouse.data.defense.GapAnalysis;
import io.gatehouse.data.defense.ItemResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One assessment: the catalogue it answered (kept with it, so editing the catalogue later never
 * rescores the past), its answers, the target level per dimension and the defensive audit results.
 */
public record Assessment(String id, String name, LocalDate date, Catalogue catalogue, List<Answer> answers,
        Map<Dimension, Integer> targets, List<ItemResult> auditResults) {
    public static final int MAX_NAME = 200;

    public Assessment {
        Ids.check(id, "assessment");
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("assessment " + id + " needs a name of 1 to " + MAX_NAME + " characters");
        }
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(catalogue, "catalogue");
        answers = List.copyOf(answers == null ? List.of() : answers);
        auditResults = List.copyOf(auditResults == null ? List.of() : auditResults);
        Map<Dimension, Integer> t = new EnumMap<>(Dimension.class);
        if (targets != null) {
            targets.forEach((d, level) -> {
                Objects.requireNonNull(d, "dimension");
                if (level == null) {
                    throw new IllegalArgumentException("the target of " + d.fileName() + " is missing");
                }
                MaturityLevel.of(level);
                t.put(d, level);
            });
        }
        targets = Map.copyOf(t);
        Answers.of(answers);
        for (Answer a : answers) {
            if (catalogue.criterion(a.criterion()).isEmpty()) {
                throw new IllegalArgumentException("answer to unknown criterion '" + a.criterion() + "'");
            }
        }
        Set<String> seen = new HashSet<>();
        for (ItemResult r : auditResults) {
            if (!seen.add(r.item())) {
                throw new IllegalArgumentException("audit item '" + r.item() + "' is answered twice");
            }
            if (catalogue.auditItem(r.item()).isEmpty()) {
                throw new IllegalArgumentException("result for unknown audit item '" + r.item() + "'");
            }
        }
    }

    /** A new, unanswered assessment of {@code catalogue}. */
    public static Assessment blank(String id, String name, LocalDate date, Catalogue catalogue,
            Map<Dimension, Integer> targets) {
        return new Assessment(id, name, date, catalogue, List.of(), targets, List.of());
    }

    public Answers answerSet() {
        return Answers.of(answers);
    }

    public Map<Dimension, DimensionScore> scores() {
        return MaturityScoring.score(catalogue, answerSet());
    }

    /** The target of {@code dimension}; a dimension without one aims one level above where it stands. */
    public int target(Dimension dimension) {
        Integer t = targets.get(dimension);
        if (t != null) {
            return t;
        }
        return Math.min(MaturityLevel.HIGHEST, scores().get(dimension).metLevel() + 1);
    }

    public GapAnalysis gapAnalysis() {
        return DefensiveAudit.analyse(catalogue.auditItems(), auditResults);
    }

    /** The same assessment with {@code answer} replacing any earlier answer to its criterion. */
    public Assessment withAnswer(Answer answer) {
        List<Answer> next = new ArrayList<>(answers.stream().filter(a -> !a.criterion().equals(answer.criterion())).toList());
        next.add(answer);
        return new Assessment(id, name, date, catalogue, next, targets, auditResults);
    }

    public Assessment withAnswers(List<Answer> all) {
        return new Assessment(id, name, date, catalogue, all, targets, auditResults);
    }

    public Assessment withAuditResult(ItemResult result) {
        List<ItemResult> next = new ArrayList<>(auditResults.stream().filter(r -> !r.item().equals(result.item())).toList());
        next.add(result);
        return new Assessment(id, name, date, catalogue, answers, targets, next);
    }

    public Assessment withAuditResults(List<ItemResult> all) {
        return new Assessment(id, name, date, catalogue, answers, targets, all);
    }

    public Assessment withTargets(Map<Dimension, Integer> next) {
        return new Assessment(id, name, date, catalogue, answers, next, auditResults);
    }

    public Assessment withIdentity(String newId, String newName, LocalDate newDate) {
        return new Assessment(newId, newName, newDate, catalogue, answers, targets, auditResults);
    }

    /** The items of the checklist, for callers that only hold the assessment. */
    public List<AuditItem> auditItems() {
        return catalogue.auditItems();
    }
}
