package io.gatehouse.data.health;

import java.time.Instant;
import java.util.Objects;

/** The health of a named connection, and since when it has been in that state. */
public record ConnectionHealth(String connection, ConnectionKind kind, HealthState state, Instant since, String detail) {
    public ConnectionHealth {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        detail = detail == null ? "" : detail;
    }
}
