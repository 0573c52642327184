package io.gatehouse.data.connections;

/** Whether a connection's named secret is in the secret store; never its value. */
public enum SecretState {
    /** The connection names no secret. */
    NONE,
    STORED,
    MISSING,
    /** The secret store is not unlocked yet, so nobody can tell. */
    LOCKED
}
