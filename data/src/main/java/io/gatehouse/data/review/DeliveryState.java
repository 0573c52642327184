package io.gatehouse.data.review;

/** Where a decision is on its way upstream. */
public enum DeliveryState {
    /** Written locally; waiting for (another) delivery attempt. */
    PENDING,
    /** The upstream accepted it; closure still to be confirmed by reading it back. */
    SENT,
    /** The upstream holds this decision. */
    CONFIRMED,
    /** Another decision stands upstream; shown to the analyst, never retried. */
    CONFLICT,
    /** Refused for good (for example the case no longer exists); the reason is kept. */
    FAILED
}
