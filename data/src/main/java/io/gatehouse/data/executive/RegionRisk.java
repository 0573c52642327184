package io.gatehouse.data.executive;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One region's exposure as its telemetry shows it, with the readings the level was rated from.
 *
 * @param region            the region label as the telemetry names it
 * @param fraudFlagRate     share of checkout attempts flagged for fraud
 * @param errorRate         share of checkout attempts that failed with an error
 * @param authorisationRate share of authorisations approved
 * @param level             the rating, see {@link RegionalRisk}
 */
public record RegionRisk(String region, OptionalDouble fraudFlagRate, OptionalDouble errorRate,
        OptionalDouble authorisationRate, RiskLevel level) {
    public RegionRisk {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(level, "level");
    }
}
