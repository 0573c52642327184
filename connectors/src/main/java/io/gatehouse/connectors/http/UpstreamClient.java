package io.gatehouse.connectors.http;

import io.gatehouse.connectors.http.UpstreamException.Reason;
import io.gatehouse.data.time.Sleeper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The one way connectors call HTTP upstreams. It refuses plain HTTP except to loopback, never
 * follows redirects, bounds every body, retries passing failures with backoff that honours
 * Retry-After (waiting on an injected sleeper), and turns every failure into an
 * {@link UpstreamException} whose message carries no credential or body.
 */
public final class UpstreamClient {
    private static final Set<Integer> RETRY_STATUSES = Set.of(429, 502, 503, 504);
    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    private final String connection;
    private final java.util.function.Supplier<OkHttpClient> http;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final int maxAttempts;
    private final Duration maxWait;

    public UpstreamClient(String connection, OkHttpClient http, InstantSource clock, Sleeper sleeper,
            RandomGenerator random, int maxAttempts, Duration maxWait) {
        this(connection, constant(http), clock, sleeper, random, maxAttempts, maxWait);
    }

    /**
     * A client whose OkHttp client is asked for at each call, so a connection whose settings or
     * client key change (a rotated secret, an edited pin) uses the new client from the next call on.
     */
    public UpstreamClient(String connection, java.util.function.Supplier<OkHttpClient> http, InstantSource clock,
            Sleeper sleeper, RandomGenerator random, int maxAttempts, Duration maxWait) {
        this.connection = Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(http, "http");
        this.http = () -> {
            OkHttpClient current = http.get();
            // a redirect could carry the credential to another host: never followed
            return current.followRedirects() || current.followSslRedirects()
                    ? current.newBuilder().followRedirects(false).followSslRedirects(false).build() : current;
        };
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.maxAttempts = maxAttempts;
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
    }

    private static java.util.function.Supplier<OkHttpClient> constant(OkHttpClient http) {
        OkHttpClient fixed = Objects.requireNonNull(http, "http").newBuilder().followRedirects(false)
                .followSslRedirects(false).build();
        return () -> fixed;
    }

    /**
     * Sends the request, retrying passing failures when it is safe to repeat (an idempotent
     * method, or an Idempotency-Key header), and returns the response of any status, read up to
     * {@code maxBodyBytes}.
     */
    public UpstreamResponse execute(Request request, long maxBodyBytes) {
        refuseInsecure(request);
        String requestLine = request.method() + " " + request.url().encodedPath();
        boolean repeatable = IDEMPOTENT_METHODS.contains(request.method()) || request.header("Idempotency-Key") != null;
        int attempt = 0;
        while (true) {
            attempt++;
            UpstreamResponse response;
            try {
                response = send(request, requestLine, maxBodyBytes);
            } catch (UpstreamException e) {
                if (!e.retryable() || !repeatable || attempt >= maxAttempts) {
                    throw e;
                }
                pause(backoff(attempt));
                continue;
            }
            if (!RETRY_STATUSES.contains(response.status()) || !repeatable || attempt >= maxAttempts) {
                return response;
            }
            Duration wait = response.retryAfter() != null ? response.retryAfter() : backoff(attempt);
            if (wait.compareTo(maxWait) > 0) {
                // a long wait belongs to the caller's schedule (the outbox), not to this thread
                return response;
            }
            pause(wait);
        }
    }

    private UpstreamResponse send(Request request, String requestLine, long maxBodyBytes) {
        ClientCertificateRequests.reset();
        try (Response response = http.get().newCall(request).execute()) {
            byte[] body = readBounded(response.body(), maxBodyBytes, requestLine);
            Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock.instant());
            return new UpstreamResponse(connection, requestLine, response.code(), response.headers(), body, retryAfter);
        } catch (SSLException e) {
            throw new UpstreamException(connection + ": " + TlsFailure.describe(e, request.url().host()), e,
                    TlsFailure.outcome(e));
        } catch (UnknownHostException e) {
            throw new UpstreamException(Reason.UNREACHABLE, 0, connection + ": the host " + request.url().host()
                    + " is unknown. Check the URL and the network.", e);
        } catch (ConnectException | NoRouteToHostException e) {
            throw new UpstreamException(Reason.UNREACHABLE, 0, connection + ": cannot connect to " + request.url().host()
                    + ":" + request.url().port() + ". Is the service running and reachable?", e);
        } catch (InterruptedIOException e) {
            throw new UpstreamException(Reason.TIMEOUT, 0, connection + ": no answer in time (" + requestLine
                    + "). The upstream is slow or the network is down.", e);
        } catch (IOException e) {
            if (ClientCertificateRequests.unanswered()) {
                throw new UpstreamException(connection + ": " + TlsFailure.clientCertificateRefused(), e,
                        io.gatehouse.data.connections.CheckOutcome.CLIENT_CERTIFICATE_REQUIRED);
            }
            throw new UpstreamException(Reason.UNREACHABLE, 0, connection + ": the connection broke (" + requestLine
                    + ": " + e.getClass().getSimpleName() + ").", e);
        }
    }

    private byte[] readBounded(ResponseBody body, long max, String requestLine) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        if (body.contentLength() > max) {
            throw tooLarge(requestLine, max);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[16 * 1024];
        try (InputStream in = body.byteStream()) {
            int n;
            long total = 0;
            while ((n = in.read(chunk)) > 0) {
                total += n;
                if (total > max) {
                    throw tooLarge(requestLine, max);
                }
                out.write(chunk, 0, n);
            }
        }
        return out.toByteArray();
    }

    private UpstreamException tooLarge(String requestLine, long max) {
        return new UpstreamException(Reason.TOO_LARGE, 0, connection + ": the answer to " + requestLine
                + " is larger than " + max + " bytes and was refused. The upstream may be misbehaving.", null);
    }

    private void refuseInsecure(Request request) {
        if (!request.isHttps() && !isLoopback(request.url().host())) {
            throw new UpstreamException(Reason.INSECURE_URL, 0, connection + ": plain http is allowed only to this"
                    + " machine; use https for " + request.url().host() + ".", null);
        }
    }

    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return false; // a name could resolve elsewhere; only literals are trusted
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private Duration backoff(int attempt) {
        long ceiling = Math.min(maxWait.toMillis(), 500L << Math.min(attempt - 1, 16));
        return Duration.ofMillis(ceiling / 2 + random.nextLong(ceiling / 2 + 1));
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(Reason.TIMEOUT, 0, connection + ": the call was cancelled.", e);
        }
    }
}
