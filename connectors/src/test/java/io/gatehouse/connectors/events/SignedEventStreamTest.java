package io.gatehouse.connectors.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.events.IngestStats;
import io.gatehouse.data.events.SecurityEvent;
import io.gatehouse.data.review.RetryPolicy;
import io.gatehouse.data.secrets.Secret;
import io.gatehouse.data.testing.ManualClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hostile and broken streams from a scripted server: every refusal is counted, nothing refused reaches the sink. */
class SignedEventStreamTest {
    private static final String SECRET = "whsec_stream_test_secret";

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private final List<SecurityEvent> received = new ArrayList<>();
    private final List<Duration> waits = new ArrayList<>();
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

    private SignedEventStream stream(EventStreamLimits limits) {
        return new SignedEventStream(new OkHttpClient(), URI.create(mock.url("/v1/security-events/stream").toString()),
                SignatureScheme.STRIPE, () -> Optional.of(Secret.copyOf(SECRET.toCharArray())), "events-hmac",
                received::add, clock, waits::add, new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1),
                        RandomGenerator.of("L64X128MixRandom")), limits);
    }

    private SignedEventStream stream() {
        return stream(EventStreamLimits.DEFAULT);
    }

    static String body(long seq, String region, long count) {
        return "{\"id\":\"sev_" + seq + "\",\"type\":\"login_failures\",\"region\":\"" + region
                + "\",\"occurred_at\":\"2026-11-25T09:59:00Z\",\"count\":" + count + "}";
    }

    static String line(long seq, String body, long t, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String v1 = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        return "{\"id\":" + seq + ",\"headers\":{\"Stripe-Signature\":\"t=" + t + ",v1=" + v1 + "\"},\"body\":"
                + quote(body) + "}\n";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private void serve(String text) {
        mock.enqueue(new MockResponse().setHeader("Content-Type", "application/x-ndjson").setBody(text));
    }

    @Test
    void verifiedEventsReachTheSinkAndTheStreamResumesAfterTheLastAccepted() throws Exception {
        serve(line(1, body(1, "eu", 40), now(), SECRET) + "\n" + line(2, body(2, "uk", 3), now() - 5, SECRET));
        serve("");
        SignedEventStream stream = stream();
        assertThat(stream.connectOnce()).isEqualTo(SignedEventStream.Ending.ENDED);
        assertThat(received).extracting(SecurityEvent::region).containsExactly("eu", "uk");
        assertThat(received.getFirst().count()).isEqualTo(40);
        assertThat(received.getFirst().occurredAt()).isEqualTo(Instant.parse("2026-11-25T09:59:00Z"));
        stream.connectOnce();
        mock.takeRequest();
        RecordedRequest resumed = mock.takeRequest();
        assertThat(resumed.getRequestUrl().queryParameter("after")).isEqualTo("2");
        assertThat(stream.stats().accepted()).isEqualTo(2);
        assertThat(stream.stats().rejected()).isZero();
    }

    @Test
    void forgedStaleAndReplayedEventsAreRefusedAndCounted() throws Exception {
        String good = line(1, body(1, "eu", 40), now(), SECRET);
        serve(line(7, body(7, "eu", 999), now(), "whsec_someone_else")
                + line(8, body(8, "eu", 5), now() - 301, SECRET)
                + good
                + good
                // the same event signed again a second later: a new signature, the same event id
                + line(9, body(1, "eu", 40), now() - 1, SECRET));
        SignedEventStream stream = stream();
        stream.connectOnce();
        IngestStats stats = stream.stats();
        assertThat(received).hasSize(1);
        assertThat(stats.accepted()).isEqualTo(1);
        assertThat(stats.forged()).isEqualTo(1);
        assertThat(stats.stale()).isEqualTo(1);
        assertThat(stats.replayed()).isEqualTo(2);
        assertThat(stats.rejected()).isEqualTo(4);
    }

    @Test
    void malformedLinesAreCountedAndTheStreamGoesOn() throws Exception {
        long t = now();
        String signedBadPayload = line(3, "{\"id\":\"sev_3\",\"type\":\"login_failures\",\"region\":\"eu\"}", t, SECRET);
        serve("not json\n"
                + "{\"id\":1,\"headers\":{},\"body\":\"{}\"}\n"
                + "{\"id\":1,\"id\":2,\"headers\":{},\"body\":\"x\"}\n"
                + "{\"id\":1,\"headers\":{},\"body\":\"x\",\"extra\":true}\n"
                + "{\"id\":1,\"headers\":{\"Stripe-Signature\":\"t=1,v1=zz\"},\"body\":\"x\"} trailing\n"
                + signedBadPayload
                + line(4, body(4, "eu", 2), t, SECRET));
        SignedEventStream stream = stream();
        stream.connectOnce();
        assertThat(received).extracting(SecurityEvent::id).containsExactly("sev_4");
        assertThat(stream.stats().malformed()).isEqualTo(6);
    }

    @Test
    void anOversizedLineIsSkippedWholeWithoutBufferingIt() throws Exception {
        EventStreamLimits limits = new EventStreamLimits(1024, Duration.ofSeconds(300), 1000);
        String huge = "{\"id\":1,\"headers\":{},\"body\":\"" + "A".repeat(200_000) + "\"}\n";
        serve(huge + line(2, body(2, "eu", 1), now(), SECRET));
        SignedEventStream stream = stream(limits);
        assertThat(stream.connectOnce()).isEqualTo(SignedEventStream.Ending.ENDED);
        assertThat(stream.stats().oversized()).isEqualTo(1);
        assertThat(received).extracting(SecurityEvent::id).containsExactly("sev_2");
    }

    @Test
    void aStreamCutMidLineDiscardsThePartialEventAndResumes() throws Exception {
        String second = line(2, body(2, "uk", 9), now(), SECRET);
        serve(line(1, body(1, "eu", 1), now(), SECRET) + second.substring(0, second.length() / 2));
        serve(second);
        SignedEventStream stream = stream();
        assertThat(stream.connectOnce()).isEqualTo(SignedEventStream.Ending.CUT);
        assertThat(stream.stats().cutLines()).isEqualTo(1);
        assertThat(stream.stats().lastError()).contains("broke off in the middle of an event");
        assertThat(received).extracting(SecurityEvent::id).containsExactly("sev_1");
        stream.connectOnce();
        assertThat(received).extracting(SecurityEvent::id).containsExactly("sev_1", "sev_2");
        mock.takeRequest();
        assertThat(mock.takeRequest().getRequestUrl().queryParameter("after")).isEqualTo("1");
    }

    @Test
    void aDroppedConnectionIsAFailureWithASentence() throws Exception {
        mock.enqueue(new MockResponse().setBody(line(1, body(1, "eu", 1), now(), SECRET) + "{\"id\":2,\"head")
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        SignedEventStream stream = stream();
        assertThat(stream.connectOnce()).isIn(SignedEventStream.Ending.FAILED, SignedEventStream.Ending.CUT);
        assertThat(stream.stats().lastError()).isNotBlank();
        assertThat(stream.stats().connected()).isFalse();
    }

    @Test
    void serverSentEventsCarryTheSameSignedLines() throws Exception {
        String data = line(5, body(5, "india", 12), now(), SECRET).strip();
        mock.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream")
                .setBody(": keep-alive\n\nid: 5\nevent: security_event\ndata: " + data + "\n\n"));
        SignedEventStream stream = stream();
        stream.connectOnce();
        assertThat(received).extracting(SecurityEvent::region).containsExactly("india");
        assertThat(stream.stats().malformed()).isZero();
    }

    @Test
    void httpErrorsAndAMissingSecretAreReportedWithoutTheSecret() throws Exception {
        mock.enqueue(new MockResponse().setResponseCode(503));
        SignedEventStream stream = stream();
        assertThat(stream.connectOnce()).isEqualTo(SignedEventStream.Ending.FAILED);
        assertThat(stream.stats().lastError()).isEqualTo("the event stream answered HTTP 503");
        SignedEventStream locked = new SignedEventStream(new OkHttpClient(), URI.create(mock.url("/").toString()),
                SignatureScheme.ADYEN, Optional::empty, "events-hmac", received::add, clock, waits::add,
                RetryPolicy.standard(RandomGenerator.of("L64X128MixRandom")), EventStreamLimits.DEFAULT);
        assertThat(locked.connectOnce()).isEqualTo(SignedEventStream.Ending.NO_SECRET);
        assertThat(locked.stats().lastError()).contains("'events-hmac'").contains("unlock");
        SignedEventStream notHex = new SignedEventStream(new OkHttpClient(), URI.create(mock.url("/").toString()),
                SignatureScheme.ADYEN, () -> Optional.of(Secret.copyOf(SECRET.toCharArray())), "events-hmac",
                received::add, clock, waits::add, RetryPolicy.standard(RandomGenerator.of("L64X128MixRandom")),
                EventStreamLimits.DEFAULT);
        assertThat(notHex.connectOnce()).isEqualTo(SignedEventStream.Ending.NO_SECRET);
        assertThat(notHex.stats().lastError()).doesNotContain(SECRET).contains("not a valid adyen key");
    }

    @Test
    void runBacksOffBetweenFailedConnectionsAndStopsWhenClosed() throws Exception {
        for (int i = 0; i < 4; i++) {
            mock.enqueue(new MockResponse().setResponseCode(503));
        }
        List<Duration> seen = new ArrayList<>();
        SignedEventStream counting = new SignedEventStream(new OkHttpClient(),
                URI.create(mock.url("/v1/security-events/stream").toString()), SignatureScheme.STRIPE,
                () -> Optional.of(Secret.copyOf(SECRET.toCharArray())), "events-hmac", received::add, clock,
                d -> {
                    seen.add(d);
                    if (seen.size() == 4) {
                        throw new InterruptedException("enough");
                    }
                }, new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), RandomGenerator.of("L64X128MixRandom")),
                EventStreamLimits.DEFAULT);
        counting.run();
        assertThat(seen).hasSize(4);
        assertThat(seen).allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(500), Duration.ofMinutes(1)));
        assertThat(counting.stats().reconnects()).isEqualTo(4);
        assertThat(Thread.interrupted()).isTrue();
    }
}
