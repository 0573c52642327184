package io.gatehouse.data.maturity;

/**
 * One criterion to raise on the way from the current maturity to the target.
 *
 * @param priority  1 is the first to work on
 * @param shortfall how far the answer is below the 0.75 a level needs
 */
public record RoadmapItem(int priority, Dimension dimension, int level, Criterion criterion, Grade grade,
        double shortfall) {
}
