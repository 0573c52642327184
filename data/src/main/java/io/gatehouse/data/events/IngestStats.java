package io.gatehouse.data.events;

import java.time.Instant;

/**
 * What the event stream delivered and what was refused, so an attack on the stream itself is
 * visible instead of silently dropped.
 *
 * @param connected   true while a stream is open
 * @param accepted    events verified and handed on
 * @param forged      events whose signature matched no secret
 * @param stale       signed events outside the timestamp tolerance
 * @param replayed    signed, fresh events already accepted once
 * @param malformed   lines that are not a well-formed signed event (bad JSON, missing signature, bad payload)
 * @param oversized   lines longer than the limit, skipped whole
 * @param cutLines    partial lines at the end of a stream that broke off, discarded
 * @param reconnects  times the stream was opened again after ending or failing
 * @param lastEventAt when the newest accepted event arrived, or null
 * @param lastError   the latest failure in one sentence, or null
 */
public record IngestStats(boolean connected, long accepted, long forged, long stale, long replayed, long malformed,
        long oversized, long cutLines, long reconnects, Instant lastEventAt, String lastError) {

    /** Every event or line refused for any reason. */
    public long rejected() {
        return forged + stale + replayed + malformed + oversized;
    }
}
