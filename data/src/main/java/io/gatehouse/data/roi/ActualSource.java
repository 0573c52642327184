package io.gatehouse.data.roi;

/** Where an ROI row's losses to date come from. */
public enum ActualSource {
    /** Chargebacks and fraud disputes on reviewed orders, from the fraud queue. */
    MEASURED_FRAUD_LOSSES,
    /** Outage time from the incident log, times the cost of an hour of downtime. */
    MEASURED_DOWNTIME,
    /** Entered by hand: the console has no measurement for it. */
    ENTERED
}
