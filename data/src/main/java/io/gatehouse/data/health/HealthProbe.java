package io.gatehouse.data.health;

/** Checks one connection; implemented by connectors, called on a background schedule only. */
public interface HealthProbe {
    String connection();

    ConnectionKind kind();

    /** Blocking check; must return within its own timeout and never throw. */
    Result check();

    /** A probe's verdict with a short, user-readable detail. */
    record Result(HealthState state, String detail) {
    }
}
