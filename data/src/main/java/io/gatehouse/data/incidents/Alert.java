package io.gatehouse.data.incidents;

import io.gatehouse.data.anomaly.AnomalyType;
import io.gatehouse.data.anomaly.Signal;
import java.time.Instant;
import java.util.Objects;

/**
 * One anomaly as the team sees it: what was seen (type, signal, observed against expected), where
 * (region), since when, how sure. Repeated detections of the same anomaly update it instead of
 * raising another.
 *
 * @param since        when the anomaly started (its first anomalous observation)
 * @param detected     when the detector confirmed it and the alert was raised
 * @param lastSeen     the latest anomalous observation
 * @param clearedAt    when the detector last saw the series back to normal, or null while it is still anomalous
 * @param samples      anomalous observations folded into this alert
 * @param incidentId   the incident made from it, or 0
 */
public record Alert(long id, AnomalyType type, String region, Signal signal, Instant since, Instant detected,
        Instant lastSeen, Instant clearedAt, double confidence, double observed, double expected, long samples,
        AlertState state, Instant acknowledgedAt, String acknowledgedBy, long incidentId) {

    public Alert {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(detected, "detected");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(state, "state");
    }

    /** True while the detector still sees the anomaly. */
    public boolean active() {
        return clearedAt == null;
    }
}
