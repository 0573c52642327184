package io.gatehouse.data.config;

import io.gatehouse.data.anomaly.AnomalySettings;
import io.gatehouse.data.anomaly.Thresholds;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The optional {@code anomaly:} section: thresholds for every region, overrides per region (a
 * region's override fills its missing values from the defaults), and the name of the secret that
 * holds the on-call webhook URL. The URL is a secret because it carries the webhook's credential.
 */
public record AnomalySection(ThresholdValues defaults, Map<String, ThresholdValues> regions, String webhookSecret) {

    /** Thresholds as written; each left out keeps the value beneath it. */
    public record ThresholdValues(Double zScore, Double minRatio, Integer confirmSamples, Integer clearSamples,
            Integer warmupSamples) {

        Thresholds over(Thresholds base) {
            return new Thresholds(zScore == null ? base.zScore() : zScore,
                    minRatio == null ? base.minRatio() : minRatio,
                    confirmSamples == null ? base.confirmSamples() : confirmSamples,
                    clearSamples == null ? base.clearSamples() : clearSamples,
                    warmupSamples == null ? base.warmupSamples() : warmupSamples);
        }
    }

    public AnomalySection {
        regions = regions == null ? Map.of() : Map.copyOf(regions);
    }

    /** The detector settings these values give. */
    public AnomalySettings toSettings() {
        Thresholds base = defaults == null ? Thresholds.DEFAULTS : defaults.over(Thresholds.DEFAULTS);
        Map<String, Thresholds> perRegion = new LinkedHashMap<>();
        regions.forEach((region, values) -> perRegion.put(region, values == null ? base : values.over(base)));
        return new AnomalySettings(base, perRegion);
    }
}
