package io.gatehouse.data.events;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One security event the checkout backend relayed, after its signature was verified: something
 * counted in one region over a short span, such as a burst of login failures or card-testing probes.
 * {@code type} is kept open (the backend may send types this console does not know yet).
 *
 * @param id         the backend's id of the event, unique per event
 * @param type       what was seen, for example {@code login_failures}
 * @param region     the region it was seen in, as the telemetry names regions
 * @param occurredAt when the backend saw it (the end of the span it counts)
 * @param count      how many occurrences the event stands for, at least 1
 */
public record SecurityEvent(String id, String type, String region, Instant occurredAt, long count) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_]{0,63}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    /** No single event stands for more than this; a larger count is a broken or hostile sender. */
    public static final long MAX_COUNT = 1_000_000_000L;

    public SecurityEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("the event id must be 1-128 letters, digits or . _ : -");
        }
        if (type == null || !NAME.matcher(type).matches()) {
            throw new IllegalArgumentException("the event type must be 1-64 lower-case letters, digits or '_'");
        }
        if (region == null || !NAME.matcher(region).matches()) {
            throw new IllegalArgumentException("the region must be 1-64 lower-case letters, digits or '_'");
        }
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("the event count must be between 1 and " + MAX_COUNT);
        }
    }
}
