package io.gatehouse.data.review.mirror;

import java.time.Instant;

/**
 * Where the mirror's sync stands: the upstream it copies, the event cursor to poll after (null
 * before the first full listing), the generation of the last full listing, when it last caught up,
 * and how many cases it holds.
 */
public record MirrorStatus(String upstream, Long eventCursor, long generation, Instant caughtUpAt, long cases) {
    /** True once a full listing has completed; until then the desk reads the upstream directly. */
    public boolean synced() {
        return eventCursor != null;
    }
}
