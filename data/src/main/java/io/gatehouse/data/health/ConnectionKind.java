package io.gatehouse.data.health;

/** What a connection serves in the console. */
public enum ConnectionKind {
    SANDBOX, TELEMETRY, FRAUD_QUEUE, TOKEN, SECURITY_EVENTS
}
