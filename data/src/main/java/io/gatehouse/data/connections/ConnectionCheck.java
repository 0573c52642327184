package io.gatehouse.data.connections;

import java.time.Instant;
import java.util.Objects;

/**
 * The result of testing one connection now.
 *
 * @param connection the connection's name
 * @param outcome    what was found
 * @param status     the HTTP status when the server answered, else 0
 * @param at         when the test ran
 * @param detail     for a client key that could not be used, the token layer's sentence; else empty
 */
public record ConnectionCheck(String connection, CheckOutcome outcome, int status, Instant at, String detail) {
    public ConnectionCheck {
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
    }

    public boolean passed() {
        return outcome == CheckOutcome.OK;
    }
}
