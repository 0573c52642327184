package io.gatehouse.data.executive;

import java.util.OptionalDouble;

/**
 * Rates a region's exposure from three checkout readings. The thresholds are the console's
 * defaults for card-present-like checkout traffic; the worst reading decides.
 *
 * <table>
 * <tr><th>reading</th><th>elevated from</th><th>high from</th></tr>
 * <tr><td>fraud-flag rate</td><td>1.5 %</td><td>3 %</td></tr>
 * <tr><td>error rate</td><td>2 %</td><td>5 %</td></tr>
 * <tr><td>authorisation rate</td><td>below 92 %</td><td>below 85 %</td></tr>
 * </table>
 */
public final class RegionalRisk {
    static final double FRAUD_ELEVATED = 0.015;
    static final double FRAUD_HIGH = 0.03;
    static final double ERROR_ELEVATED = 0.02;
    static final double ERROR_HIGH = 0.05;
    static final double AUTH_ELEVATED = 0.92;
    static final double AUTH_HIGH = 0.85;

    private RegionalRisk() {
    }

    /** Readings that are missing, NaN or infinite are ignored; with none left the level is unknown. */
    public static RegionRisk rate(String region, OptionalDouble fraudFlagRate, OptionalDouble errorRate,
            OptionalDouble authorisationRate) {
        OptionalDouble fraud = finite(fraudFlagRate);
        OptionalDouble error = finite(errorRate);
        OptionalDouble auth = finite(authorisationRate);
        RiskLevel level = RiskLevel.UNKNOWN;
        if (fraud.isPresent() || error.isPresent() || auth.isPresent()) {
            level = RiskLevel.LOW;
            level = worst(level, above(fraud, FRAUD_ELEVATED, FRAUD_HIGH));
            level = worst(level, above(error, ERROR_ELEVATED, ERROR_HIGH));
            if (auth.isPresent()) {
                double a = auth.getAsDouble();
                level = worst(level, a < AUTH_HIGH ? RiskLevel.HIGH : a < AUTH_ELEVATED ? RiskLevel.ELEVATED : RiskLevel.LOW);
            }
        }
        return new RegionRisk(region, fraud, error, auth, level);
    }

    private static RiskLevel above(OptionalDouble value, double elevated, double high) {
        if (value.isEmpty()) {
            return RiskLevel.LOW;
        }
        double v = value.getAsDouble();
        return v >= high ? RiskLevel.HIGH : v >= elevated ? RiskLevel.ELEVATED : RiskLevel.LOW;
    }

    private static RiskLevel worst(RiskLevel a, RiskLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static OptionalDouble finite(OptionalDouble v) {
        return v.isPresent() && Double.isFinite(v.getAsDouble()) ? v : OptionalDouble.empty();
    }
}
