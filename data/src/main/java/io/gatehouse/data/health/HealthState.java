package io.gatehouse.data.health;

/** The health of one connection, as last checked. */
public enum HealthState {
    UP, DEGRADED, DOWN, UNKNOWN
}
