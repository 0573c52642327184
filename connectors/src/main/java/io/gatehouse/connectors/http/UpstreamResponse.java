package io.gatehouse.connectors.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.Headers;

/** A fully read, size-bounded response. */
public record UpstreamResponse(String connection, String requestLine, int status, Headers headers, byte[] body,
        Duration retryAfter) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String contentType() {
        String type = headers.get("Content-Type");
        return type == null ? "" : type;
    }

    /** This response, when 2xx; otherwise the failure a user can act on. */
    public UpstreamResponse orThrow() {
        if (successful()) {
            return this;
        }
        UpstreamException advice = StatusAdvice.of(connection, status, requestLine);
        return retryAfter == null ? thrown(advice) : thrown(new UpstreamException(advice.reason(), status,
                advice.getMessage(), null, retryAfter));
    }

    private static UpstreamResponse thrown(UpstreamException e) {
        throw e;
    }
}
