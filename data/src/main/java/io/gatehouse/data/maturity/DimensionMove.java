package io.gatehouse.data.maturity;

/** How one dimension's maturity moved between two assessments. */
public record DimensionMove(Dimension dimension, double before, double after) {
    public double delta() {
        return after - before;
    }
}
