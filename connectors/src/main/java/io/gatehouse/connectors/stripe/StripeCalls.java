package io.gatehouse.connectors.stripe;

import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.http.UpstreamResponse;
import java.util.Objects;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Builds Stripe requests (path segments escaped, bearer key, pinned Stripe-Version) and sends them
 * through the shared {@link UpstreamClient}. Every POST carries an Idempotency-Key: the signature
 * of {@link #post} has no way to leave it out.
 */
final class StripeCalls {
    private final UpstreamClient upstream;
    private final HttpUrl base;
    private final String apiVersion;
    private final StripeKey key;

    StripeCalls(UpstreamClient upstream, StripeSettings settings, StripeKey key) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        HttpUrl url = HttpUrl.get(settings.baseUrl());
        this.base = url.newBuilder().encodedPath("/").query(null).fragment(null).build();
        this.apiVersion = settings.apiVersion();
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The URL of {@code /v1/segments...}; each segment is escaped, so an id cannot change the path. */
    HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder builder = base.newBuilder().addPathSegment("v1");
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder;
    }

    UpstreamResponse get(HttpUrl url, long maxBody) {
        return send(new Request.Builder().url(url).get(), maxBody);
    }

    UpstreamResponse post(HttpUrl url, FormBody form, String idempotencyKey, long maxBody) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return send(new Request.Builder().url(url).post(form).header("Idempotency-Key", idempotencyKey), maxBody);
    }

    private UpstreamResponse send(Request.Builder request, long maxBody) {
        request.header("Accept", "application/json").header("Stripe-Version", apiVersion);
        key.apply(request);
        return upstream.execute(request.build(), maxBody);
    }
}
