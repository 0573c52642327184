package io.gatehouse.connectors.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import io.gatehouse.connectors.sandbox.SandboxWorld;
import io.gatehouse.connectors.sandbox.events.EventSigner;
import io.gatehouse.connectors.sandbox.events.SecurityEventLog;
import io.gatehouse.connectors.sandbox.problem.ApiProblem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * {@code GET /v1/security-events/stream?scheme=stripe|adyen|shopify&after=N[&follow=false]}: the
 * relayed security events as JSON lines ({@code application/x-ndjson}), each signed with the chosen
 * scheme at the moment it is written. It follows the world as it advances, writes an empty line as
 * a keep-alive when there is nothing new, and ends after {@link #MAX_STREAM} so clients reconnect
 * with {@code after} set to the last id they accepted. {@code follow=false} ends once the events held
 * are written.
 */
final class SecurityEventStream {
    static final Duration MAX_STREAM = Duration.ofMinutes(10);
    private static final long POLL_MILLIS = 250;
    private static final long KEEP_ALIVE_MILLIS = 15_000;
    private static final int BATCH = 500;

    private final SandboxWorld world;
    private final EventSigner signer;

    SecurityEventStream(SandboxWorld world, EventSigner signer) {
        this.world = world;
        this.signer = signer;
    }

    void serve(ApiExchange ex, HttpExchange raw) throws IOException {
        Routes.requireMethod(ex, "GET");
        EventSigner.Scheme scheme;
        try {
            scheme = EventSigner.Scheme.parse(ex.query("scheme") == null ? "stripe" : ex.query("scheme"));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("scheme must be stripe, adyen or shopify");
        }
        long after;
        try {
            after = ex.query("after") == null ? 0 : Long.parseLong(ex.query("after"));
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("after must be the id of the last event received");
        }
        boolean follow = !"false".equals(ex.query("follow"));
        raw.getResponseHeaders().set("Content-Type", "application/x-ndjson");
        raw.getResponseHeaders().set("Cache-Control", "no-store");
        raw.sendResponseHeaders(200, 0);
        // elapsed time on the server's own monotonic clock: how long one connection may stay open
        long openedNanos = System.nanoTime();
        long lastWriteNanos = openedNanos;
        try (OutputStream out = raw.getResponseBody()) {
            while (true) {
                long from = after;
                List<SecurityEventLog.Entry> batch = world.transact(now -> world.securityEvents().after(from, BATCH));
                for (SecurityEventLog.Entry e : batch) {
                    out.write((signer.line(scheme, e) + "\n").getBytes(StandardCharsets.UTF_8));
                    after = e.seq();
                }
                if (!batch.isEmpty()) {
                    out.flush();
                    lastWriteNanos = System.nanoTime();
                    if (batch.size() == BATCH) {
                        continue;
                    }
                }
                if (!follow || System.nanoTime() - openedNanos > MAX_STREAM.toNanos()) {
                    return;
                }
                if (System.nanoTime() - lastWriteNanos > KEEP_ALIVE_MILLIS * 1_000_000) {
                    out.write('\n');
                    out.flush();
                    lastWriteNanos = System.nanoTime();
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
