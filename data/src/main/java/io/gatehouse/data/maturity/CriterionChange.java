package io.gatehouse.data.maturity;

/** A criterion whose grade changed between two assessments; the text is the later assessment's. */
public record CriterionChange(String criterion, Dimension dimension, int level, String text, Grade before, Grade after) {
    public double delta() {
        return after.score() - before.score();
    }
}
