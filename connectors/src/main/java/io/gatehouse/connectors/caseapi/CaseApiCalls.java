package io.gatehouse.connectors.caseapi;

import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.http.UpstreamResponse;
import java.net.URI;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** Builds Case API requests (base URL, path segments escaped, bearer key) and sends them through the UpstreamClient. */
final class CaseApiCalls {
    private static final MediaType JSON = MediaType.get("application/json");

    private final UpstreamClient upstream;
    private final HttpUrl base;
    private final ApiKey key;

    CaseApiCalls(UpstreamClient upstream, URI baseUrl, ApiKey key) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.base = root(HttpUrl.get(Objects.requireNonNull(baseUrl, "baseUrl")));
        this.key = Objects.requireNonNull(key, "key");
    }

    /**
     * The server root the contract's paths hang from. A configured URL ending in {@code /v1} is
     * taken to mean the same server, since people often copy the versioned prefix.
     */
    static HttpUrl root(HttpUrl url) {
        java.util.List<String> segments = new java.util.ArrayList<>(url.pathSegments());
        if (!segments.isEmpty() && segments.getLast().isEmpty()) {
            segments.removeLast();
        }
        if (!segments.isEmpty() && segments.getLast().equals("v1")) {
            segments.removeLast();
        }
        HttpUrl.Builder builder = url.newBuilder().encodedPath("/").query(null).fragment(null);
        segments.forEach(builder::addPathSegment);
        return builder.build();
    }

    /** The URL of {@code segments} under the base; each segment is escaped, so an id cannot change the path. */
    HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder builder = base.newBuilder();
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder;
    }

    UpstreamResponse get(HttpUrl url, long maxBody) {
        return send(new Request.Builder().url(url).get(), maxBody);
    }

    UpstreamResponse post(HttpUrl url, String json, long maxBody, String idempotencyKey) {
        Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(json, JSON));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request, maxBody);
    }

    UpstreamResponse delete(HttpUrl url, String ifMatch, long maxBody) {
        return send(new Request.Builder().url(url).delete().header("If-Match", ifMatch), maxBody);
    }

    private UpstreamResponse send(Request.Builder request, long maxBody) {
        request.header("Accept", "application/json, application/problem+json");
        key.apply(request);
        return upstream.execute(request.build(), maxBody);
    }
}
