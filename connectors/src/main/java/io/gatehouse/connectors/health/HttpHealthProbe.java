package io.gatehouse.connectors.health;

import io.gatehouse.data.health.ConnectionKind;
import io.gatehouse.data.health.HealthProbe;
import io.gatehouse.data.health.HealthState;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Checks an HTTP endpoint: up when it answers 2xx quickly, degraded when it answers slowly, with
 * 429/503, or refuses the credential-less check with 401/403; down when it fails or does not
 * answer. Never throws.
 */
public final class HttpHealthProbe implements HealthProbe {
    private final String connection;
    private final ConnectionKind kind;
    private final URI url;
    private final OkHttpClient client;
    private final InstantSource clock;
    private final Duration slowAfter;

    public HttpHealthProbe(String connection, ConnectionKind kind, URI url, OkHttpClient client, InstantSource clock,
            Duration slowAfter) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.url = Objects.requireNonNull(url, "url");
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.slowAfter = Objects.requireNonNull(slowAfter, "slowAfter");
    }

    /** A client suited to health checks: short timeouts, no retries, no redirects to elsewhere. */
    public static OkHttpClient defaultClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(3))
                .callTimeout(Duration.ofSeconds(5))
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    @Override
    public String connection() {
        return connection;
    }

    @Override
    public ConnectionKind kind() {
        return kind;
    }

    @Override
    public Result check() {
        long started = clock.millis();
        Request request = new Request.Builder().url(url.toString()).get().build();
        try (Response response = client.newCall(request).execute()) {
            long took = clock.millis() - started;
            int code = response.code();
            if (code >= 200 && code < 300) {
                return took > slowAfter.toMillis()
                        ? new Result(HealthState.DEGRADED, "slow: answered in " + took + " ms")
                        : new Result(HealthState.UP, "answered in " + took + " ms");
            }
            if (code == 429 || code == 503) {
                return new Result(HealthState.DEGRADED, "busy: HTTP " + code);
            }
            if (code == 401 || code == 403) {
                // the check carries no credentials: the server is there, whether the key works is not known
                return new Result(HealthState.DEGRADED, "reachable, but refused the check without credentials (HTTP "
                        + code + ")");
            }
            return new Result(HealthState.DOWN, "HTTP " + code);
        } catch (InterruptedIOException e) {
            return new Result(HealthState.DOWN, "no answer within the timeout");
        } catch (IOException e) {
            return new Result(HealthState.DOWN, "cannot connect: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            return new Result(HealthState.DOWN, "check failed: " + e.getClass().getSimpleName());
        }
    }
}
