package io.gatehouse.connectors.caseapi;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.connectors.http.UpstreamException;
import io.gatehouse.connectors.http.UpstreamResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads one Case API answer strictly: a single JSON value with nothing after it, required fields
 * present and of the declared type. Unknown fields are ignored and unknown enum values kept, as
 * the contract asks. Every refusal names the field and the request, never the body.
 */
final class StrictJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String where;

    private StrictJson(String where) {
        this.where = where;
    }

    /** The body of a 2xx answer as a JSON object. */
    static JsonNode objectOf(UpstreamResponse response) {
        StrictJson reader = new StrictJson(response.connection() + " (" + response.requestLine() + ")");
        String type = response.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("text/html")) {
            throw reader.malformed("answered with an HTML page instead of JSON; check that the URL points at the Case API");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(response.body());
        } catch (JsonEOFException e) {
            throw reader.malformed("sent JSON that ends early; the answer was truncated");
        } catch (JsonProcessingException e) {
            // only the position is shown: Jackson's own message can quote the body, which may hold anything
            JsonLocation at = e.getLocation();
            throw reader.malformed("sent JSON that cannot be read" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + "; it may be truncated or not JSON at all");
        } catch (IOException e) {
            throw reader.malformed("sent an unreadable answer (" + e.getClass().getSimpleName() + ")");
        }
        if (node == null || !node.isObject()) {
            throw reader.malformed("sent " + (node == null ? "an empty answer" : "a JSON " + node.getNodeType()
                    .name().toLowerCase(Locale.ROOT)) + " where an object was expected");
        }
        return node;
    }

    static StrictJson at(UpstreamResponse response) {
        return new StrictJson(response.connection() + " (" + response.requestLine() + ")");
    }

    JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw malformed("sent an answer without the required field '" + name + "'");
        }
        return value;
    }

    String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isTextual()) {
            throw wrongType(name, "text", value);
        }
        return value.textValue();
    }

    String optionalText(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(name, "text", value);
        }
        return value.textValue();
    }

    long integer(JsonNode node, String name, long min, long max) {
        JsonNode value = field(node, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrongType(name, "an integer", value);
        }
        long n = value.longValue();
        if (n < min || n > max) {
            throw malformed("sent '" + name + "' = " + n + ", outside " + min + " to " + max);
        }
        return n;
    }

    int count(JsonNode node, String name) {
        return (int) integer(node, name, 0, Integer.MAX_VALUE);
    }

    boolean bool(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isBoolean()) {
            throw wrongType(name, "true or false", value);
        }
        return value.booleanValue();
    }

    Instant instant(JsonNode node, String name) {
        String text = text(node, name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw malformed("sent '" + name + "' that is not an RFC 3339 instant");
        }
    }

    Instant optionalInstant(JsonNode node, String name) {
        return node.hasNonNull(name) ? instant(node, name) : null;
    }

    JsonNode object(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isObject()) {
            throw wrongType(name, "an object", value);
        }
        return value;
    }

    JsonNode optionalObject(JsonNode node, String name) {
        return node.hasNonNull(name) ? object(node, name) : null;
    }

    <T> List<T> list(JsonNode node, String name, Function<JsonNode, T> item) {
        JsonNode value = field(node, name);
        if (!value.isArray()) {
            throw wrongType(name, "an array", value);
        }
        List<T> out = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            out.add(item.apply(element));
        }
        return out;
    }

    List<String> texts(JsonNode node, String name) {
        return list(node, name, element -> {
            if (!element.isTextual()) {
                throw wrongType(name + "[]", "text", element);
            }
            return element.textValue();
        });
    }

    JsonNode asObject(JsonNode element, String name) {
        if (!element.isObject()) {
            throw wrongType(name, "an object", element);
        }
        return element;
    }

    private UpstreamException wrongType(String name, String expected, JsonNode got) {
        return malformed("sent '" + name + "' as " + got.getNodeType().name().toLowerCase(Locale.ROOT)
                + " where " + expected + " was expected");
    }

    UpstreamException malformed(String what) {
        return new UpstreamException(UpstreamException.Reason.MALFORMED_RESPONSE, 0, where + " " + what
                + ". Nothing was changed locally; check the upstream's version against the Case API contract.", null);
    }
}
