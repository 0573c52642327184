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
 */
public record ConnectionCheck(String connection, CheckOutcome outcome, int status, Instant at) {
    public ConnectionCheck {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
    }

    public boolean passed() {
        return outcome == CheckOutcome.OK;
    }
}
