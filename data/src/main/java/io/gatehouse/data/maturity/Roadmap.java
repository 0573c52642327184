package io.gatehouse.data.maturity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The gap between current maturity and target as a prioritised list. Lower levels come first, since
 * a level only counts once every level below it is met; within a level, the dimension furthest from
 * its target comes first, then the criterion furthest below 0.75.
 */
public final class Roadmap {
    private Roadmap() {
    }

    public static List<RoadmapItem> of(Assessment assessment) {
        Answers answers = assessment.answerSet();
        Map<Dimension, DimensionScore> scores = assessment.scores();
        record Gap(Dimension d, int level, Criterion c, Grade g, double shortfall, double distance) {
        }
        List<Gap> gaps = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            DimensionScore score = scores.get(d);
            int target = assessment.target(d);
            double distance = target - score.value();
            for (int level = score.metLevel() + 1; level <= target; level++) {
                for (Criterion c : assessment.catalogue().criteria(d, level)) {
                    double s = answers.score(c.id());
                    if (s < Grade.MEETS) {
                        gaps.add(new Gap(d, level, c, answers.grade(c.id()), Grade.MEETS - s, distance));
                    }
                }
            }
        }
        gaps.sort(Comparator.comparingInt(Gap::level)
                .thenComparing(Comparator.comparingDouble(Gap::distance).reversed())
                .thenComparing(Comparator.comparingDouble(Gap::shortfall).reversed())
                .thenComparing(g -> g.c().id()));
        List<RoadmapItem> items = new ArrayList<>();
        for (Gap g : gaps) {
            items.add(new RoadmapItem(items.size() + 1, g.d(), g.level(), g.c(), g.g(), g.shortfall()));
        }
        return items;
    }
}
