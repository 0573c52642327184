package io.gatehouse.connectors.caseapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.http.UpstreamResponse;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.mirror.CaseEvent;
import io.gatehouse.data.review.mirror.CaseEventFeed;
import io.gatehouse.data.review.mirror.CaseEventPage;
import io.gatehouse.data.review.mirror.CursorExpiredException;
import java.net.URI;
import java.util.List;

/**
 * The Case API's change stream, {@code GET /v1/events?after=N}. Read as strictly as the case list:
 * a bounded body, required fields and types, and a stream that only moves forward. Event types and
 * statuses are open enums and kept as sent.
 */
public final class CaseApiEvents implements CaseEventFeed {
    private final CaseApiCalls calls;

    public CaseApiEvents(UpstreamClient upstream, URI baseUrl, ApiKey key) {
        this.calls = new CaseApiCalls(upstream, baseUrl, key);
    }

    @Override
    public CaseEventPage events(long cursor, int limit) {
        if (cursor < 0 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("cursor must be at least 0 and limit 1 to 1000, got " + cursor
                    + " and " + limit);
        }
        UpstreamResponse response = calls.get(calls.url("v1", "events")
                .addQueryParameter("after", Long.toString(cursor))
                .addQueryParameter("limit", Integer.toString(limit)).build(), BodyLimits.EVENTS);
        if (response.status() == 410) {
            Problem problem = Problem.of(response);
            throw new CursorExpiredException(response.connection() + " no longer keeps events after " + cursor
                    + (problem == null ? "" : " (" + problem.explanation() + ")") + "; listing every case again.");
        }
        if (!response.successful()) {
            throw CaseApiClient.failure(response, null);
        }
        JsonNode body = StrictJson.objectOf(response);
        StrictJson json = StrictJson.at(response);
        long[] last = {cursor};
        List<CaseEvent> events = json.list(body, "data", n -> {
            json.asObject(n, "data[]");
            CaseEvent event = new CaseEvent(json.text(n, "id"), json.integer(n, "sequence", 1, Long.MAX_VALUE),
                    json.text(n, "type"), json.text(n, "case_id"), new CaseStatus(json.text(n, "status")),
                    json.instant(n, "created"));
            if (event.sequence() <= last[0]) {
                throw json.malformed("sent event " + event.sequence() + " after " + last[0]
                        + "; the stream must move forward");
            }
            last[0] = event.sequence();
            return event;
        });
        if (events.size() > limit) {
            throw json.malformed("sent " + events.size() + " events where at most " + limit + " were asked for");
        }
        boolean more = json.bool(body, "has_more");
        long next = cursorValue(json, json.text(body, "next_cursor"));
        if (next < last[0]) {
            throw json.malformed("sent 'next_cursor' " + next + " behind its own last event " + last[0]);
        }
        return new CaseEventPage(events, more, next);
    }

    private static long cursorValue(StrictJson json, String text) {
        if (!text.matches("[0-9]{1,18}")) {
            throw json.malformed("sent a 'next_cursor' that is not a sequence number");
        }
        return Long.parseLong(text);
    }
}
