package io.gatehouse.data.maturity;

/**
 * A dimension's maturity: the highest level met, plus the progress into the next one.
 *
 * @param metLevel the highest level met, 0 when none is
 * @param progress the mean score of the next level's criteria, 0..1; 0 when every level is met
 */
public record DimensionScore(Dimension dimension, int metLevel, double progress) {
    public DimensionScore {
        if (metLevel < 0 || metLevel > MaturityLevel.HIGHEST || progress < 0 || progress > 1) {
            throw new IllegalArgumentException("bad dimension score " + metLevel + " + " + progress);
        }
    }

    /** The maturity as one number from 0.0 to 5.0. */
    public double value() {
        return metLevel + progress;
    }
}
