package io.gatehouse.data.maturity;

import static io.gatehouse.data.maturity.Dimension.ARCHITECTURE;
import static io.gatehouse.data.maturity.Dimension.CULTURE;
import static io.gatehouse.data.maturity.Grade.ALL;
import static io.gatehouse.data.maturity.Grade.HALF;
import static io.gatehouse.data.maturity.Grade.MOST;
import static io.gatehouse.data.maturity.Grade.NONE;
import static io.gatehouse.data.maturity.Grade.SOME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scoring rule on cases computed by hand (the arithmetic is in each test's comment). */
class MaturityScoringTest {
    /** Architecture: level 1 has a1, a2; level 2 has b1, b2; level 3 c1; level 4 d1, d2; level 5 e1. */
    static Catalogue catalogue() {
        List<Criterion> c = new ArrayList<>();
        c.add(new Criterion("a1", ARCHITECTURE, 1, "one", null));
        c.add(new Criterion("a2", ARCHITECTURE, 1, "two", null));
        c.add(new Criterion("b1", ARCHITECTURE, 2, "three", null));
        c.add(new Criterion("b2", ARCHITECTURE, 2, "four", null));
        c.add(new Criterion("c1", ARCHITECTURE, 3, "five", null));
        c.add(new Criterion("d1", ARCHITECTURE, 4, "six", null));
        c.add(new Criterion("d2", ARCHITECTURE, 4, "seven", null));
        c.add(new Criterion("e1", ARCHITECTURE, 5, "eight", null));
        return new Catalogue("test", c, List.of());
    }

    private static DimensionScore score(Answer... answers) {
        return MaturityScoring.score(catalogue(), Answers.of(answers), ARCHITECTURE);
    }

    private static Answer a(String id, Grade g) {
        return Answer.of(id, g);
    }

    @Test
    void gradesScoreInQuarters() {
        assertThat(List.of(NONE, SOME, HALF, MOST, ALL)).extracting(Grade::score).containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
    }

    @Test
    void nothingAnsweredIsZero() {
        DimensionScore s = score();
        assertThat(s.metLevel()).isZero();
        assertThat(s.value()).isZero();
    }

    @Test
    void levelOneMetAndHalfWayIntoLevelTwo() {
        // level 1: all, most -> both >= 0.75, met. level 2: most 0.75, half 0.5 -> not met, mean 0.625.
        DimensionScore s = score(a("a1", ALL), a("a2", MOST), a("b1", MOST), a("b2", HALF));
        assertThat(s.metLevel()).isEqualTo(1);
        assertThat(s.progress()).isCloseTo(0.625, within(1e-12));
        assertThat(s.value()).isCloseTo(1.625, within(1e-12));
    }

    @Test
    void exactlyMostMeetsALevelAndHalfDoesNot() {
        // level 1 with most, most: met. level 2 with most, most: met. level 3 c1 half: mean 0.5.
        assertThat(score(a("a1", MOST), a("a2", MOST), a("b1", MOST), a("b2", MOST), a("c1", HALF)).value())
                .isCloseTo(2.5, within(1e-12));
        // level 1 with most, half: not met; progress = (0.75 + 0.5) / 2.
        assertThat(score(a("a1", MOST), a("a2", HALF)).value()).isCloseTo(0.625, within(1e-12));
    }

    @Test
    void levelsAreCumulativeSoAHigherLevelFullyAnsweredDoesNotCountWhileALowerIsNotMet() {
        // level 1: some 0.25 and unanswered 0 -> not met; every higher level is all, but only
        // level 1's mean counts: (0.25 + 0) / 2 = 0.125.
        DimensionScore s = score(a("a1", SOME), a("b1", ALL), a("b2", ALL), a("c1", ALL), a("d1", ALL), a("d2", ALL),
                a("e1", ALL));
        assertThat(s.metLevel()).isZero();
        assertThat(s.value()).isCloseTo(0.125, within(1e-12));
    }

    @Test
    void aGapInTheMiddleStopsTheClimb() {
        // levels 1 and 2 met, level 3 (c1) none -> 2 + 0; level 4 and 5 all answered, ignored.
        DimensionScore s = score(a("a1", ALL), a("a2", ALL), a("b1", ALL), a("b2", ALL), a("c1", NONE), a("d1", ALL),
                a("d2", ALL), a("e1", ALL));
        assertThat(s.metLevel()).isEqualTo(2);
        assertThat(s.value()).isEqualTo(2.0);
    }

    @Test
    void levelFourMetWithProgressIntoFive() {
        // levels 1..4 met, e1 some -> 4 + 0.25.
        DimensionScore s = score(a("a1", ALL), a("a2", ALL), a("b1", ALL), a("b2", ALL), a("c1", MOST), a("d1", MOST),
                a("d2", ALL), a("e1", SOME));
        assertThat(s.value()).isCloseTo(4.25, within(1e-12));
    }

    @Test
    void everyLevelMetIsFiveExactly() {
        DimensionScore s = score(a("a1", ALL), a("a2", ALL), a("b1", ALL), a("b2", ALL), a("c1", ALL), a("d1", MOST),
                a("d2", ALL), a("e1", MOST));
        assertThat(s.metLevel()).isEqualTo(5);
        assertThat(s.value()).isEqualTo(5.0);
    }

    @Test
    void anEmptyLevelIsNeverMetAndGivesNoProgress() {
        // Culture has only level 1 (x1) and level 3 (x3): level 1 met, level 2 empty -> 1 + 0, whatever level 3 says.
        Catalogue c = new Catalogue("gaps", List.of(new Criterion("x1", CULTURE, 1, "one", null),
                new Criterion("x3", CULTURE, 3, "three", null)), List.of());
        DimensionScore s = MaturityScoring.score(c, Answers.of(a("x1", ALL), a("x3", ALL)), CULTURE);
        assertThat(s.metLevel()).isEqualTo(1);
        assertThat(s.value()).isEqualTo(1.0);
    }

    @Test
    void aDimensionWithoutCriteriaIsZero() {
        assertThat(MaturityScoring.score(catalogue(), Answers.of(), CULTURE).value()).isZero();
    }

    @Test
    void automaticMeasurementsRoundDownToTheGradeTheyReach() {
        assertThat(Grade.atMost(0.74)).isEqualTo(HALF);
        assertThat(Grade.atMost(0.75)).isEqualTo(MOST);
        assertThat(Grade.atMost(0.999)).isEqualTo(MOST);
        assertThat(Grade.atMost(1.0)).isEqualTo(ALL);
        assertThat(Grade.atMost(0.0)).isEqualTo(NONE);
    }
}
