package io.gatehouse.data.maturity;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring rule, pinned (docs/maturity.md): grades score none 0, some 0.25, half 0.5, most 0.75,
 * all 1, and an unanswered criterion scores 0. A level is met when it has criteria, every one of them
 * scores at least 0.75, and every lower level is met. A dimension's maturity is the highest met level
 * (0 when none) plus the mean score of the next level's criteria; with level 5 met it is 5.0.
 */
public final class MaturityScoring {
    private MaturityScoring() {
    }

    public static Map<Dimension, DimensionScore> score(Catalogue catalogue, Answers answers) {
        Map<Dimension, DimensionScore> scores = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            scores.put(d, score(catalogue, answers, d));
        }
        return scores;
    }

    public static DimensionScore score(Catalogue catalogue, Answers answers, Dimension dimension) {
        int met = 0;
        while (met < MaturityLevel.HIGHEST && levelMet(catalogue.criteria(dimension, met + 1), answers)) {
            met++;
        }
        if (met == MaturityLevel.HIGHEST) {
            return new DimensionScore(dimension, met, 0);
        }
        return new DimensionScore(dimension, met, mean(catalogue.criteria(dimension, met + 1), answers));
    }

    // A level with no criteria is never met: nothing shows it, and an emptied level must not lift a
    // dimension to the top of the scale.
    static boolean levelMet(List<Criterion> criteria, Answers answers) {
        return !criteria.isEmpty() && criteria.stream().allMatch(c -> answers.score(c.id()) >= Grade.MEETS);
    }

    static double mean(List<Criterion> criteria, Answers answers) {
        return criteria.stream().mapToDouble(c -> answers.score(c.id())).average().orElse(0);
    }
}
