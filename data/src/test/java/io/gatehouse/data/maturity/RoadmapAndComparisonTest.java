package io.gatehouse.data.maturity;

import static io.gatehouse.data.maturity.Dimension.ARCHITECTURE;
import static io.gatehouse.data.maturity.Dimension.CULTURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.defense.AuditItem;
import io.gatehouse.data.defense.DefenseArea;
import io.gatehouse.data.defense.ItemResult;
import io.gatehouse.data.defense.ItemStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoadmapAndComparisonTest {
    private static final Catalogue CATALOGUE = new Catalogue("t", List.of(
            new Criterion("a1", ARCHITECTURE, 1, "arch one", null),
            new Criterion("a2", ARCHITECTURE, 2, "arch two", null),
            new Criterion("a3", ARCHITECTURE, 3, "arch three", null),
            new Criterion("c1", CULTURE, 1, "culture one", null),
            new Criterion("c2", CULTURE, 2, "culture two", null),
            new Criterion("c2b", CULTURE, 2, "culture two b", null)),
            List.of(new AuditItem("i1", DefenseArea.OBSERVABILITY, "t", "p", List.of(), "sre", LocalDate.parse("2027-01-01"), 3, null)));

    private static Assessment assessment(String id, LocalDate date, Answer... answers) {
        return new Assessment(id, "q " + id, date, CATALOGUE, List.of(answers),
                Map.of(ARCHITECTURE, 3, CULTURE, 2), List.of());
    }

    @Test
    void roadmapListsLowerLevelsFirstThenTheDimensionFurthestFromTarget() {
        // architecture: a1 all (level 1 met), a2 half, a3 none -> 1.5, target 3, distance 1.5.
        // culture: c1 some -> 0.25, target 2, distance 1.75.
        Assessment a = assessment("x", LocalDate.parse("2026-10-01"), Answer.of("a1", Grade.ALL),
                Answer.of("a2", Grade.HALF), Answer.of("c1", Grade.SOME));
        List<RoadmapItem> road = Roadmap.of(a);
        assertThat(road).extracting(i -> i.criterion().id()).containsExactly("c1", "c2", "c2b", "a2", "a3");
        assertThat(road).extracting(RoadmapItem::priority).containsExactly(1, 2, 3, 4, 5);
        assertThat(road.getFirst().shortfall()).isEqualTo(0.5);
    }

    @Test
    void aDimensionAtItsTargetIsNotOnTheRoadmap() {
        Assessment a = assessment("x", LocalDate.parse("2026-10-01"), Answer.of("c1", Grade.ALL), Answer.of("c2", Grade.MOST),
                Answer.of("c2b", Grade.ALL));
        assertThat(Roadmap.of(a)).extracting(RoadmapItem::dimension).containsOnly(ARCHITECTURE);
    }

    @Test
    void comparisonShowsWhatMovedAndWhy() {
        Assessment q3 = assessment("q3", LocalDate.parse("2026-07-01"), Answer.of("a1", Grade.HALF));
        Assessment q4 = assessment("q4", LocalDate.parse("2026-10-01"), Answer.of("a1", Grade.ALL), Answer.of("a2", Grade.HALF))
                .withAuditResult(new ItemResult("i1", ItemStatus.PASS, "", null));
        AssessmentComparison cmp = AssessmentComparison.of(q3, q4);
        DimensionMove arch = cmp.moves().stream().filter(m -> m.dimension() == ARCHITECTURE).findFirst().orElseThrow();
        assertThat(arch.before()).isEqualTo(0.5);
        assertThat(arch.after()).isEqualTo(1.5);
        assertThat(arch.delta()).isEqualTo(1.0);
        assertThat(cmp.criteria()).extracting(CriterionChange::criterion, CriterionChange::before, CriterionChange::after)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a1", Grade.HALF, Grade.ALL),
                        org.assertj.core.groups.Tuple.tuple("a2", Grade.NONE, Grade.HALF));
        assertThat(cmp.audit()).extracting(AuditChange::item, AuditChange::before, AuditChange::after)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("i1", ItemStatus.OPEN, ItemStatus.PASS));
    }

    @Test
    void anAssessmentRefusesAnswersToUnknownCriteriaAndTargetsOutOfRange() {
        assertThatThrownBy(() -> assessment("x", LocalDate.parse("2026-10-01"), Answer.of("zz", Grade.ALL)))
                .hasMessageContaining("unknown criterion 'zz'");
        assertThatThrownBy(() -> new Assessment("x", "n", LocalDate.parse("2026-10-01"), CATALOGUE, List.of(),
                Map.of(CULTURE, 6), List.of())).hasMessageContaining("1 to 5");
        assertThatThrownBy(() -> assessment("x", LocalDate.parse("2026-10-01"), Answer.of("a1", Grade.ALL),
                Answer.of("a1", Grade.NONE))).hasMessageContaining("answered twice");
    }

    @Test
    void aTargetNotSetAimsOneLevelAboveTheCurrent() {
        Assessment a = new Assessment("x", "n", LocalDate.parse("2026-10-01"), CATALOGUE, List.of(Answer.of("a1", Grade.ALL)),
                Map.of(), List.of());
        assertThat(a.target(ARCHITECTURE)).isEqualTo(2);
        assertThat(a.target(CULTURE)).isEqualTo(1);
    }
}
