package io.gatehouse.data.maturity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The answers of an assessment by criterion id; a criterion without an answer scores 0. */
public final class Answers {
    private final Map<String, Answer> byCriterion = new LinkedHashMap<>();

    private Answers(Collection<Answer> answers) {
        for (Answer a : answers) {
            if (byCriterion.putIfAbsent(a.criterion(), a) != null) {
                throw new IllegalArgumentException("criterion '" + a.criterion() + "' is answered twice");
            }
        }
    }

    public static Answers of(Collection<Answer> answers) {
        return new Answers(answers);
    }

    public static Answers of(Answer... answers) {
        return new Answers(List.of(answers));
    }

    public Optional<Answer> get(String criterion) {
        return Optional.ofNullable(byCriterion.get(criterion));
    }

    public double score(String criterion) {
        Answer a = byCriterion.get(criterion);
        return a == null ? 0 : a.score();
    }

    public Grade grade(String criterion) {
        Answer a = byCriterion.get(criterion);
        return a == null ? Grade.NONE : a.grade();
    }

    public List<Answer> list() {
        return List.copyOf(byCriterion.values());
    }
}
