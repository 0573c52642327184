package io.gatehouse.data.friction;

/** The three axes of defensive strength, and the client impact counted against them. */
public enum FrictionAxis {
    /** Controls at the checkout boundary. */
    BARRIER,
    /** How fast incidents are detected and contained. */
    RESPONSE,
    /** How fast checkouts recover, and what outages cost. */
    RECOVERY,
    /** What the defences cost genuine customers; subtracted, not added. */
    CLIENT_IMPACT
}
