package io.gatehouse.connectors.events;

/** What signature verification concluded about one delivered event. */
public enum Verdict {
    /** Signed by the shared secret, fresh, and not seen before. */
    ACCEPTED,
    /** The signature header is missing or unreadable. */
    MALFORMED,
    /** No signature matches: forged, or signed with another secret. */
    BAD_SIGNATURE,
    /** Signed, but its timestamp lies outside the tolerance. */
    STALE,
    /** Signed and fresh, but already accepted once. */
    REPLAYED
}
