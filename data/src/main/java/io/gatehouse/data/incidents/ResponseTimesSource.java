package io.gatehouse.data.incidents;

import java.time.Instant;

/** Measured incident response over a period; the incident log implements it, the executive metrics read it. */
@FunctionalInterface
public interface ResponseTimesSource {
    ResponseTimes between(Instant from, Instant to);

    /** A source for a console with no incident log configured. */
    static ResponseTimesSource none() {
        return (from, to) -> ResponseTimes.none();
    }
}
