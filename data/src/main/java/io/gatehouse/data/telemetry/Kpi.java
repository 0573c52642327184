package io.gatehouse.data.telemetry;

/**
 * The checkout KPIs a regional dashboard shows. Each has a default PromQL expression written
 * against the sandbox's metric names; {@code $region} stands for the configured region label and
 * {@code $window} for the rate window, so one template serves every deployment.
 *
 * <p>A counter series only exists once it has counted something, so the ratios fill a missing
 * numerator with {@code or <denominator> * 0}: a region with checkouts and no errors yet has an
 * error rate of 0, while a region with no checkouts has no error rate at all.
 */
public enum Kpi {
    CHECKOUT_ATTEMPTS_PER_MIN("checkout attempts/min", Unit.PER_MINUTE, null,
            "sum by ($region) (rate(sandbox_checkout_attempts_total[$window])) * 60"),
    AUTHORISATION_RATE("authorisation rate", Unit.RATIO, null,
            "1 - ((sum by ($region) (rate(sandbox_declines_total[$window]))"
                    + " or sum by ($region) (rate(sandbox_authorisations_total[$window])) * 0)"
                    + " / sum by ($region) (rate(sandbox_authorisations_total[$window])))"),
    DECLINE_RATE_BY_REASON("decline rate by reason", Unit.RATIO, "reason",
            "sum by ($region, reason) (rate(sandbox_declines_total[$window]))"
                    + " / on ($region) group_left sum by ($region) (rate(sandbox_authorisations_total[$window]))"),
    FRAUD_FLAG_RATE("fraud-flag rate", Unit.RATIO, null,
            "(sum by ($region) (rate(sandbox_fraud_flagged_orders_total[$window]))"
                    + " or sum by ($region) (rate(sandbox_checkout_attempts_total[$window])) * 0)"
                    + " / sum by ($region) (rate(sandbox_checkout_attempts_total[$window]))"),
    ERROR_RATE("error rate", Unit.RATIO, null,
            "(sum by ($region) (rate(sandbox_checkout_errors_total[$window]))"
                    + " or sum by ($region) (rate(sandbox_checkout_attempts_total[$window])) * 0)"
                    + " / sum by ($region) (rate(sandbox_checkout_attempts_total[$window]))"),
    P95_LATENCY("p95 latency", Unit.SECONDS, null,
            "histogram_quantile(0.95, sum by ($region, le) (rate(sandbox_checkout_latency_seconds_bucket[$window])))"),
    LOGIN_FAILURES_PER_MIN("login failures/min", Unit.PER_MINUTE, null,
            "sum by ($region) (rate(sandbox_login_attempts_total{result=\"failure\"}[$window])) * 60"),
    TOKEN_VALIDATION_FAILURES_PER_MIN("token validation failures/min", Unit.PER_MINUTE, null,
            "sum by ($region) (rate(sandbox_token_validation_failures_total[$window])) * 60"),
    /** The drill-down's payment rails: checkout attempts per rail (card, wallet, UPI, Pix, ...). */
    CHECKOUT_ATTEMPTS_BY_RAIL("checkout attempts/min by rail", Unit.PER_MINUTE, "rail",
            "sum by ($region, rail) (rate(sandbox_checkout_attempts_total[$window])) * 60");

    /** How a KPI's value reads. */
    public enum Unit { PER_MINUTE, RATIO, SECONDS }

    private final String title;
    private final Unit unit;
    private final String detailLabel;
    private final String defaultTemplate;

    Kpi(String title, Unit unit, String detailLabel, String defaultTemplate) {
        this.title = title;
        this.unit = unit;
        this.detailLabel = detailLabel;
        this.defaultTemplate = defaultTemplate;
    }

    public String title() {
        return title;
    }

    public Unit unit() {
        return unit;
    }

    /** The label that splits this KPI within a region (decline reason, rail), or null when it does not split. */
    public String detailLabel() {
        return detailLabel;
    }

    /** The default expression with its {@code $region} and {@code $window} placeholders. */
    public String defaultTemplate() {
        return defaultTemplate;
    }
}
