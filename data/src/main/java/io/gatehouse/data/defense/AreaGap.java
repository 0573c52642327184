package io.gatehouse.data.defense;

/** One area's standing: how many of its items pass, and the impact still open in it. */
public record AreaGap(DefenseArea area, int passed, int total, int openImpact) {
    public double passRate() {
        return total == 0 ? 1 : (double) passed / total;
    }
}
