package io.gatehouse.connectors.caseapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.http.UpstreamException;
import io.gatehouse.connectors.http.UpstreamException.Reason;
import io.gatehouse.data.review.mirror.CaseEventPage;
import io.gatehouse.data.review.mirror.CursorExpiredException;
import io.gatehouse.data.testing.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.util.random.RandomGenerator;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event stream reader, on the sandbox for what it really sends and on MockWebServer for what it never does. */
class CaseApiEventsTest {
    private static final String EVENT = "{\"id\":\"evt_%d\",\"sequence\":%d,\"type\":\"%s\",\"case_id\":\"case_1\","
            + "\"status\":\"review\",\"created\":\"2026-03-02T00:01:00Z\"}";

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private MockWebServer mock;

    @BeforeEach
    void start() throws Exception {
        mock = new MockWebServer();
        mock.start();
    }

    @AfterEach
    void stop() throws Exception {
        mock.shutdown();
    }

    private CaseApiEvents events() {
        UpstreamClient upstream = new UpstreamClient("Case API", HttpClients.standard(null), clock, clock::advance,
                RandomGenerator.of("L64X128MixRandom"), 2, Duration.ofSeconds(30));
        return new CaseApiEvents(upstream, URI.create(mock.url("/").toString()), ApiKey.none());
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    private static String list(String data, boolean more, String next) {
        return "{\"object\":\"list\",\"data\":[" + data + "],\"has_more\":" + more + ",\"next_cursor\":" + next + "}";
    }

    @Test
    void theSandboxStreamIsReadPageByPageToItsHead() {
        try (CaseApiSandbox sandbox = new CaseApiSandbox()) {
            CaseApiEvents feed = new CaseApiEvents(sandbox.upstream(2), sandbox.server.baseUrl(), ApiKey.none());
            CaseEventPage first = feed.events(0, 5);
            assertThat(first.events()).hasSize(5);
            assertThat(first.hasMore()).isTrue();
            assertThat(first.events().getFirst().type()).isEqualTo("case.created");
            assertThat(first.nextCursor()).isEqualTo(first.events().getLast().sequence());
            long cursor = first.nextCursor();
            int seen = 5;
            CaseEventPage page;
            do {
                page = feed.events(cursor, 1000);
                seen += page.events().size();
                cursor = page.nextCursor();
            } while (page.hasMore());
            assertThat(seen).isGreaterThan(100);
            CaseEventPage idle = feed.events(cursor, 1000);
            assertThat(idle.events()).isEmpty();
            assertThat(idle.nextCursor()).isEqualTo(cursor);
        }
    }

    @Test
    void theCursorAndLimitAreSentAndUnknownEventTypesKept() throws Exception {
        mock.enqueue(json(list(EVENT.formatted(8, 8, "case.merged_upstream"), false, "\"8\"")));
        CaseEventPage page = events().events(7, 20);
        assertThat(page.events()).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo("case.merged_upstream"));
        RecordedRequest sent = mock.takeRequest();
        assertThat(sent.getRequestUrl().queryParameter("after")).isEqualTo("7");
        assertThat(sent.getRequestUrl().queryParameter("limit")).isEqualTo("20");
    }

    @Test
    void anExpiredCursorIsItsOwnFailureSoTheMirrorListsAgain() {
        mock.enqueue(new MockResponse().setResponseCode(410).setHeader("Content-Type", "application/problem+json")
                .setBody("{\"type\":\"https://gatehouse.io/problems/cursor-expired\",\"title\":\"The cursor is too old\","
                        + "\"status\":410,\"detail\":\"events before 900 have aged out\"}"));
        assertThatThrownBy(() -> events().events(3, 100)).isInstanceOf(CursorExpiredException.class)
                .hasMessageContaining("no longer keeps events after 3");
    }

    @Test
    void malformedTruncatedAndWronglyTypedAnswersAreRefusedByName() {
        mock.enqueue(json(list(EVENT.formatted(1, 1, "case.created"), false, "\"1\"").substring(0, 60)));
        assertThatThrownBy(() -> events().events(0, 10)).isInstanceOfSatisfying(UpstreamException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_RESPONSE)).hasMessageContaining("truncated");
        mock.enqueue(json(list(EVENT.formatted(1, 1, "case.created").replace("\"sequence\":1", "\"sequence\":\"1\""),
                false, "\"1\"")));
        assertThatThrownBy(() -> events().events(0, 10)).hasMessageContaining("'sequence' as string");
        mock.enqueue(json(list("", false, "7")));
        assertThatThrownBy(() -> events().events(0, 10)).hasMessageContaining("'next_cursor' as number");
        mock.enqueue(json(list("", false, "\"abc\"")));
        assertThatThrownBy(() -> events().events(0, 10)).hasMessageContaining("not a sequence number");
        mock.enqueue(json("{\"object\":\"list\",\"data\":[],\"next_cursor\":\"0\"}"));
        assertThatThrownBy(() -> events().events(0, 10)).hasMessageContaining("'has_more'");
    }

    @Test
    void aStreamThatGoesBackwardsOrSendsMoreThanAskedIsRefused() {
        mock.enqueue(json(list(EVENT.formatted(5, 5, "case.created") + "," + EVENT.formatted(4, 4, "case.created"),
                false, "\"5\"")));
        assertThatThrownBy(() -> events().events(0, 10)).hasMessageContaining("must move forward");
        mock.enqueue(json(list(EVENT.formatted(2, 2, "case.created"), false, "\"2\"")));
        assertThatThrownBy(() -> events().events(9, 10)).hasMessageContaining("event 2 after 9");
        mock.enqueue(json(list(EVENT.formatted(5, 5, "case.created") + "," + EVENT.formatted(6, 6, "case.created"),
                false, "\"6\"")));
        assertThatThrownBy(() -> events().events(0, 1)).hasMessageContaining("at most 1");
        mock.enqueue(json(list(EVENT.formatted(5, 5, "case.created"), false, "\"3\"")));
        assertThatThrownBy(() -> events().events(0, 10)).hasMessageContaining("behind its own last event");
    }

    @Test
    void anOversizedBodyIsRefusedUnread() {
        Buffer huge = new Buffer();
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) ' ');
        for (int i = 0; i < 50; i++) {
            huge.write(chunk);
        }
        mock.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(huge));
        assertThatThrownBy(() -> events().events(0, 10))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("larger than " + BodyLimits.EVENTS);
    }

    @Test
    void anHtmlPageIsNotReadAsEvents() {
        mock.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("<html>proxy login</html>"));
        assertThatThrownBy(() -> events().events(0, 10)).hasMessageContaining("HTML page");
    }
}
