package io.gatehouse.connectors.caseapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.connectors.http.UpstreamResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * An RFC 9457 problem from the Case API. Clients branch on {@link #slug()}, the last part of the
 * stable type URI, never on the title or detail, which are for people.
 */
record Problem(String slug, String title, int status, String detail, JsonNode body) {
    private static final String PREFIX = "https://gatehouse.io/problems/";
    private static final int MAX_SHOWN = 300;

    /** The problem in an error answer, or null when the body is not a readable problem. */
    static Problem of(UpstreamResponse response) {
        String type = response.contentType().toLowerCase(Locale.ROOT);
        if (!type.contains("json")) {
            return null;
        }
        JsonNode body;
        try {
            body = StrictJson.MAPPER.readTree(response.body());
        } catch (IOException e) {
            return null;
        }
        if (body == null || !body.isObject() || !body.path("type").isTextual()) {
            return null;
        }
        String uri = body.get("type").textValue();
        String slug = uri.startsWith(PREFIX) ? uri.substring(PREFIX.length()) : uri;
        return new Problem(shown(slug), shown(body.path("title").asText("")), response.status(),
                shown(body.path("detail").asText("")), body);
    }

    /** Title and detail for a person, clipped and free of control characters. */
    String explanation() {
        String text = detail.isEmpty() ? title : title.isEmpty() ? detail : title + ": " + detail;
        return text.isEmpty() ? slug : text;
    }

    static String shown(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > MAX_SHOWN ? clean.substring(0, MAX_SHOWN) + "…" : clean;
    }
}
