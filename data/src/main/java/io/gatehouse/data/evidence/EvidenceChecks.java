package io.gatehouse.data.evidence;

/** The ids of the automatic checks the console ships; catalogues refer to them by these names. */
public final class EvidenceChecks {
    /** Every key ring's primary version is inside its cryptoperiod. */
    public static final String KEYS_CRYPTOPERIOD = "keys.cryptoperiod";
    /** The audit chain verifies from the first entry to the head. */
    public static final String AUDIT_CHAIN_INTACT = "audit.chain-intact";
    /** Analysts' decisions leave audit entries. */
    public static final String DECISIONS_AUDITED = "audit.decisions-recorded";
    /** Reversing a decline above a threshold needs a second person. */
    public static final String FOUR_EYES_ENABLED = "review.four-eyes";
    /** Every expected region reports checkout telemetry. */
    public static final String TELEMETRY_COVERAGE = "telemetry.region-coverage";
    /** Mean time to contain incidents stays under the target. */
    public static final String CONTAINMENT_TIME = "incidents.mean-time-to-contain";

    private EvidenceChecks() {
    }
}
