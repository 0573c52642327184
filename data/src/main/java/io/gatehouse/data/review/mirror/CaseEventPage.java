package io.gatehouse.data.review.mirror;

import java.util.List;

/** Events after a cursor, oldest first, and the cursor to poll after next. */
public record CaseEventPage(List<CaseEvent> events, boolean hasMore, long nextCursor) {
    public CaseEventPage {
        events = List.copyOf(events);
    }
}
