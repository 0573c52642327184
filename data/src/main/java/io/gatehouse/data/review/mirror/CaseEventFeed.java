package io.gatehouse.data.review.mirror;

/**
 * The upstream's stream of new and changed cases, read with a cursor. Calls do I/O and block.
 * A cursor older than the upstream keeps is a {@link CursorExpiredException}: list everything again.
 */
public interface CaseEventFeed {
    /** Events after {@code cursor} (0 for the oldest kept), at most {@code limit} (1 to 1000). */
    CaseEventPage events(long cursor, int limit);
}
