package io.gatehouse.data.incidents;

import io.gatehouse.data.anomaly.AnomalyType;
import java.time.Instant;
import java.util.Objects;

/**
 * An incident made from an alert, with the timestamps its response is measured by. Stages not
 * reached yet are null.
 *
 * @param started      when the anomaly began (the alert's since)
 * @param detected     when it was detected (the alert was raised)
 * @param outage       true when checkouts were impaired, so its span counts as downtime
 */
public record Incident(long id, long alertId, AnomalyType type, String region, Instant started, Instant detected,
        Instant acknowledged, Instant contained, Instant recovered, boolean outage) {

    public Incident {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(detected, "detected");
    }

    /** The furthest stage reached. */
    public IncidentStage stage() {
        if (recovered != null) {
            return IncidentStage.RECOVERED;
        }
        if (contained != null) {
            return IncidentStage.CONTAINED;
        }
        return acknowledged != null ? IncidentStage.ACKNOWLEDGED : IncidentStage.DETECTED;
    }
}
