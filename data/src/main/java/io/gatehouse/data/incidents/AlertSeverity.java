package io.gatehouse.data.incidents;

import io.gatehouse.data.anomaly.AnomalyType;

/** How urgent an alert is, from what it is and how sure the detector is. */
public enum AlertSeverity {
    CRITICAL,
    HIGH,
    MEDIUM;

    /**
     * A failing gateway stops checkouts and credential stuffing takes over accounts, so a sure one
     * of those is critical; otherwise confidence decides.
     */
    public static AlertSeverity of(Alert alert) {
        boolean severeKind = alert.type() == AnomalyType.GATEWAY_ANOMALY || alert.type() == AnomalyType.CREDENTIAL_STUFFING;
        if (severeKind && alert.confidence() >= 0.8) {
            return CRITICAL;
        }
        return alert.confidence() >= 0.75 || severeKind ? HIGH : MEDIUM;
    }
}
