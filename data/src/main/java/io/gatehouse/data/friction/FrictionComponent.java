package io.gatehouse.data.friction;

/** One measured input of the friction score, the axis it belongs to, and how its measure reads. */
public enum FrictionComponent {
    BOUNDARY_CHECKLIST(FrictionAxis.BARRIER, Kind.RATIO),
    EDGE_STOPS(FrictionAxis.BARRIER, Kind.RATIO),
    MTLS_COVERAGE(FrictionAxis.BARRIER, Kind.RATIO),
    DETECTION(FrictionAxis.RESPONSE, Kind.DURATION),
    CONTAINMENT(FrictionAxis.RESPONSE, Kind.DURATION),
    RECOVERY_TIME(FrictionAxis.RECOVERY, Kind.DURATION),
    DOWNTIME_COST(FrictionAxis.RECOVERY, Kind.MONEY),
    FALSE_POSITIVE_DECLINES(FrictionAxis.CLIENT_IMPACT, Kind.RATIO),
    REVERSALS(FrictionAxis.CLIENT_IMPACT, Kind.RATIO),
    AUTHENTICATION_FRICTION(FrictionAxis.CLIENT_IMPACT, Kind.RATIO);

    /** What the component's measured value is: a share, a mean time, or an amount of money. */
    public enum Kind { RATIO, DURATION, MONEY }

    private final FrictionAxis axis;
    private final Kind kind;

    FrictionComponent(FrictionAxis axis, Kind kind) {
        this.axis = axis;
        this.kind = kind;
    }

    public FrictionAxis axis() {
        return axis;
    }

    public Kind kind() {
        return kind;
    }
}
