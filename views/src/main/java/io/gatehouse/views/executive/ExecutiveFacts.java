package io.gatehouse.views.executive;

import io.gatehouse.data.executive.RegionRisk;
import io.gatehouse.data.friction.FrictionScore;
import io.gatehouse.data.incidents.ResponseTimes;
import io.gatehouse.data.keys.KeyRing;
import io.gatehouse.data.roi.RoiProgress;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the executive slides show, gathered at one moment.
 *
 * @param at        when the facts were gathered
 * @param simulated true when any source is the sandbox: every slide and export carries the watermark
 * @param source    a short description of where the data comes from
 * @param regions   each region's risk from telemetry; empty without telemetry
 * @param friction  the Adversarial Friction score with its breakdown
 * @param response  incident response over the reporting period
 * @param currency  the reporting currency of the ROI figures
 * @param roi       the ROI table's progress, in {@code currency}
 * @param keyRings  the key rings; empty without key custody
 * @param maturity  the maturity assessment with its history and defensive audit; empty before the first
 */
public record ExecutiveFacts(Instant at, boolean simulated, String source, List<RegionRisk> regions,
        FrictionScore friction, ResponseTimes response, Currency currency, List<RoiProgress> roi, List<KeyRing> keyRings,
        Optional<MaturityFacts> maturity) {
    public ExecutiveFacts {
        Objects.requireNonNull(at, "at");
        source = source == null ? "" : source;
        regions = List.copyOf(regions);
        Objects.requireNonNull(friction, "friction");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(currency, "currency");
        roi = List.copyOf(roi);
        keyRings = List.copyOf(keyRings);
        Objects.requireNonNull(maturity, "maturity");
    }
}
