package io.gatehouse.data.anomaly;

/**
 * A regional series the detector watches, how its observations are counted, the anomaly it
 * points to, and the smallest excess worth an alert. The excess floors keep a quiet night's
 * handful of events from reading as an attack however unlikely the handful is.
 */
public enum Signal {
    /** Failed shopper logins; events per minute of exposure. */
    LOGIN_FAILURES(Shape.COUNT, AnomalyType.CREDENTIAL_STUFFING, 25),
    /** Declined authorisations out of all authorisations. */
    DECLINES(Shape.RATIO, AnomalyType.CARD_TESTING, 8),
    /** Session token validation failures; events per minute of exposure. */
    TOKEN_FAILURES(Shape.COUNT, AnomalyType.TOKEN_REPLAY, 8),
    /** Checkout errors out of checkout attempts. */
    CHECKOUT_ERRORS(Shape.RATIO, AnomalyType.GATEWAY_ANOMALY, 5),
    /** Checkouts slower than one second out of checkout attempts, from the latency histogram. */
    SLOW_CHECKOUTS(Shape.RATIO, AnomalyType.GATEWAY_ANOMALY, 5),
    /** The 95th percentile of checkout latency in seconds; exposure is the attempts it was measured on. */
    P95_LATENCY(Shape.LEVEL, AnomalyType.GATEWAY_ANOMALY, 1.0),
    /** Checkouts from countries outside the region out of all checkout attempts. */
    FOREIGN_ORIGIN(Shape.RATIO, AnomalyType.UNUSUAL_GEOGRAPHY, 8),
    /** Failed shopper logins as the backend's signed events count them; events per minute of exposure. */
    SIGNED_LOGIN_FAILURES(Shape.COUNT, AnomalyType.CREDENTIAL_STUFFING, 25),
    /** Token validation failures as the backend's signed events count them; events per minute of exposure. */
    SIGNED_TOKEN_FAILURES(Shape.COUNT, AnomalyType.TOKEN_REPLAY, 8);

    /** How an observation's two numbers read. */
    public enum Shape {
        /** events counted over exposure minutes; Poisson noise */
        COUNT,
        /** events out of exposure trials; binomial noise */
        RATIO,
        /** events is a measured level; exposure is the volume behind it */
        LEVEL
    }

    private final Shape shape;
    private final AnomalyType type;
    private final double minExcess;

    Signal(Shape shape, AnomalyType type, double minExcess) {
        this.shape = shape;
        this.type = type;
        this.minExcess = minExcess;
    }

    /**
     * True for the series counted from the checkout backend's signed events rather than from scraped
     * telemetry: verified at the source, so an alert they back says so.
     */
    public boolean signedEvents() {
        return this == SIGNED_LOGIN_FAILURES || this == SIGNED_TOKEN_FAILURES;
    }

    public Shape shape() {
        return shape;
    }

    public AnomalyType type() {
        return type;
    }

    /** The least excess over the expectation that counts: events for counts and ratios, the unit for levels. */
    public double minExcess() {
        return minExcess;
    }
}
