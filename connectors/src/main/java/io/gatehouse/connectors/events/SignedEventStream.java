package io.gatehouse.connectors.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.data.events.IngestStats;
import io.gatehouse.data.events.SecurityEvent;
import io.gatehouse.data.events.SecurityEventSink;
import io.gatehouse.data.review.RetryPolicy;
import io.gatehouse.data.secrets.Secret;
import io.gatehouse.data.time.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads the checkout backend's security event stream (JSON lines, or server-sent events whose
 * {@code data:} lines are the same JSON), verifies every event's signature in constant time with
 * the configured scheme, refuses and counts forged, stale, replayed, malformed and oversized ones,
 * and hands each verified event to the sink. One line is one event:
 * {@code {"id":N,"headers":{"Stripe-Signature":"t=…,v1=…"},"body":"<the signed bytes as text>"}}.
 *
 * <p>{@link #run()} reconnects with exponential backoff and full jitter, resuming after the id of the
 * last accepted event. The shared secret is read from its source for every connection and wiped at
 * once; it never appears in a message. An event id is remembered too, so the same event signed
 * again is still a replay.
 */
public final class SignedEventStream implements AutoCloseable {
    /** Where the shared secret comes from; empty when it is missing or the store is locked. */
    @FunctionalInterface
    public interface SecretSource {
        Optional<Secret> current();
    }

    /** How one connection ended. */
    public enum Ending { ENDED, CUT, FAILED, NO_SECRET, CLOSED }

    private static final System.Logger LOG = System.getLogger(SignedEventStream.class.getName());
    private static final int MAX_HEADERS = 16;

    private final OkHttpClient http;
    private final URI url;
    private final SignatureScheme scheme;
    private final SecretSource secret;
    private final String secretName;
    private final SecurityEventSink sink;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final RetryPolicy backoff;
    private final EventStreamLimits limits;
    private final ReplayGuard replays;
    private final SignatureCounters counters = new SignatureCounters();

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong oversized = new AtomicLong();
    private final AtomicLong cutLines = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile boolean connected;
    private volatile Instant lastEventAt;
    private volatile String lastError;
    private volatile long lastAcceptedId;
    private volatile boolean closed;
    private volatile Call current;

    /**
     * @param secretName the secret's name, for messages only (the value is never shown)
     */
    public SignedEventStream(OkHttpClient http, URI url, SignatureScheme scheme, SecretSource secret, String secretName,
            SecurityEventSink sink, InstantSource clock, Sleeper sleeper, RetryPolicy backoff, EventStreamLimits limits) {
        // a stream stays open for minutes: no call timeout, and a read timeout well above the keep-alive
        this.http = http.newBuilder().callTimeout(Duration.ZERO).readTimeout(Duration.ofSeconds(45)).build();
        this.url = Objects.requireNonNull(url, "url");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.secretName = Objects.requireNonNull(secretName, "secretName");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.limits = Objects.requireNonNull(limits, "limits");
        // remembered at least twice the tolerance, so an event cannot come back as soon as it is forgotten
        this.replays = new ReplayGuard(clock, limits.tolerance().multipliedBy(2), limits.replayMemory());
    }

    /** Connects, reads and reconnects until {@link #close()} or an interrupt. */
    public void run() {
        int failures = 0;
        while (!closed && !Thread.currentThread().isInterrupted()) {
            long before = accepted.get();
            Ending ending = connectOnce();
            if (ending == Ending.CLOSED || closed) {
                return;
            }
            reconnects.incrementAndGet();
            failures = accepted.get() > before ? 1 : failures + 1;
            try {
                sleeper.sleep(backoff.delayAfter(failures, null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Opens the stream once and reads it to its end; returns how it ended. */
    public Ending connectOnce() {
        WebhookVerifier verifier;
        Optional<Secret> key = secret.current();
        if (key.isEmpty()) {
            fail("the signing secret '" + secretName + "' is not in the secret store, or the store is locked;"
                    + " add or unlock it under Connections");
            return Ending.NO_SECRET;
        }
        try (Secret s = key.get()) {
            verifier = scheme.verifier(s.chars(), clock, limits.tolerance(), replays);
        } catch (IllegalArgumentException e) {
            fail("the signing secret '" + secretName + "' is not a valid " + scheme.configName() + " key");
            return Ending.NO_SECRET;
        }
        HttpUrl.Builder target = Objects.requireNonNull(HttpUrl.get(url.toString())).newBuilder();
        if (lastAcceptedId > 0) {
            target.setQueryParameter("after", Long.toString(lastAcceptedId));
        }
        Request request = new Request.Builder().url(target.build()).get()
                .header("Accept", "application/x-ndjson, text/event-stream").build();
        Call call = http.newCall(request);
        current = call;
        if (closed) {
            call.cancel();
            return Ending.CLOSED;
        }
        try (Response response = call.execute()) {
            if (response.code() != 200) {
                fail("the event stream answered HTTP " + response.code() + (response.code() == 401 || response.code() == 403
                        ? "; check the stream's credentials" : ""));
                return Ending.FAILED;
            }
            ResponseBody body = response.body();
            boolean sse = body.contentType() != null && "event-stream".equals(body.contentType().subtype());
            connected = true;
            return read(new LineReader(body.source(), limits.maxLineBytes()), verifier, sse);
        } catch (IOException e) {
            if (closed) {
                return Ending.CLOSED;
            }
            fail("the event stream could not be read: " + e.getMessage());
            return Ending.FAILED;
        } finally {
            connected = false;
            current = null;
        }
    }

    private Ending read(LineReader lines, WebhookVerifier verifier, boolean sse) throws IOException {
        while (true) {
            LineReader.Read next = lines.next();
            switch (next) {
                case LineReader.End end -> {
                    if (end.cut()) {
                        cutLines.incrementAndGet();
                        fail("the event stream broke off in the middle of an event; it was discarded and the stream"
                                + " is resumed");
                        return Ending.CUT;
                    }
                    return Ending.ENDED;
                }
                case LineReader.Oversized o -> {
                    oversized.incrementAndGet();
                    LOG.log(System.Logger.Level.WARNING, "An event line over " + limits.maxLineBytes()
                            + " bytes was skipped.");
                }
                case LineReader.NotText n -> malformed.incrementAndGet();
                case LineReader.Line line -> {
                    String text = line.text();
                    if (sse) {
                        if (!text.startsWith("data:")) {
                            continue; // blank separators, comments, event:, id: and retry: fields
                        }
                        text = text.substring(5).strip();
                    }
                    if (!text.isBlank()) {
                        handle(text, verifier);
                    }
                }
            }
        }
    }

    private void handle(String line, WebhookVerifier verifier) {
        Envelope envelope = Envelope.parse(line);
        if (envelope == null) {
            malformed.incrementAndGet();
            return;
        }
        byte[] body = envelope.body().getBytes(StandardCharsets.UTF_8);
        Verdict verdict = verifier.verify(envelope.headers(), body);
        if (verdict == Verdict.ACCEPTED) {
            SecurityEvent event;
            try {
                event = scheme.decode(body);
            } catch (IllegalArgumentException e) {
                counters.record(scheme.configName(), Verdict.MALFORMED);
                malformed.incrementAndGet();
                return;
            }
            // the same event signed again has a new signature: its id still gives it away
            if (!replays.firstTime("event:" + event.id())) {
                verdict = Verdict.REPLAYED;
            } else {
                counters.record(scheme.configName(), Verdict.ACCEPTED);
                accepted.incrementAndGet();
                lastEventAt = clock.instant();
                if (envelope.id() > lastAcceptedId) {
                    lastAcceptedId = envelope.id();
                }
                sink.accept(event);
                return;
            }
        }
        counters.record(scheme.configName(), verdict);
        if (verdict == Verdict.MALFORMED) {
            malformed.incrementAndGet();
        }
    }

    /** One line's envelope: the stream position, the delivery headers and the signed body. */
    private record Envelope(long id, Map<String, String> headers, String body) {
        static Envelope parse(String line) {
            JsonNode root;
            try {
                root = SignatureScheme.JSON.readTree(line);
            } catch (IOException e) {
                return null;
            }
            if (root == null || !root.isObject() || root.size() != 3) {
                return null;
            }
            JsonNode id = root.get("id");
            JsonNode headers = root.get("headers");
            JsonNode body = root.get("body");
            if (id == null || !id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() < 0
                    || headers == null || !headers.isObject() || headers.size() > MAX_HEADERS
                    || body == null || !body.isTextual()) {
                return null;
            }
            Map<String, String> h = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    return null;
                }
                h.put(e.getKey(), e.getValue().asText());
            }
            return new Envelope(id.asLong(), Map.copyOf(h), body.asText());
        }
    }

    private void fail(String sentence) {
        lastError = sentence;
        LOG.log(System.Logger.Level.WARNING, "Security event stream: " + sentence);
    }

    /** The counts so far, for the connection status. */
    public IngestStats stats() {
        String s = scheme.configName();
        return new IngestStats(connected, accepted.get(), counters.count(s, Verdict.BAD_SIGNATURE),
                counters.count(s, Verdict.STALE), counters.count(s, Verdict.REPLAYED), malformed.get(), oversized.get(),
                cutLines.get(), reconnects.get(), lastEventAt, lastError);
    }

    public SignatureScheme scheme() {
        return scheme;
    }

    public URI url() {
        return url;
    }

    /** Stops {@link #run()} and cancels the open connection. */
    @Override
    public void close() {
        closed = true;
        Call call = current;
        if (call != null) {
            call.cancel();
        }
    }
}
