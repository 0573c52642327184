package io.gatehouse.data.anomaly;

import java.util.Locale;

/** The attacks and failures the detector names; each alert is of one type. */
public enum AnomalyType {
    CREDENTIAL_STUFFING,
    CARD_TESTING,
    TOKEN_REPLAY,
    GATEWAY_ANOMALY,
    UNUSUAL_GEOGRAPHY;

    /** The lower-case name used in files, the store and webhooks. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
