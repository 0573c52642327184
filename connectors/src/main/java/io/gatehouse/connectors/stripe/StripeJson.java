package io.gatehouse.connectors.stripe;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.connectors.http.UpstreamException;
import io.gatehouse.connectors.http.UpstreamResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads one Stripe answer strictly: a single JSON object with nothing after it, of the expected
 * {@code object} type, its required fields present with the declared types. Unknown fields are
 * ignored and unknown enum values kept as sent, because Stripe adds both without a new version.
 * Every refusal names the field and the request, never the body.
 */
final class StripeJson {
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String where;

    private StripeJson(String where) {
        this.where = where;
    }

    static StripeJson at(UpstreamResponse response) {
        return new StripeJson("Stripe (" + response.requestLine() + ")");
    }

    /**
     * The body of an answer as a Stripe object of type {@code object}; a non-2xx answer is thrown
     * as the refusal it describes.
     */
    static JsonNode objectOf(UpstreamResponse response, String object, String keyName) {
        if (!response.successful()) {
            throw failure(response, keyName);
        }
        StripeJson reader = at(response);
        JsonNode node = reader.parse(response);
        String actual = reader.text(node, "object");
        if (!actual.equals(object)) {
            throw reader.malformed("sent a '" + StripeError.shown(actual) + "' where a '" + object + "' was expected");
        }
        return node;
    }

    /** The refusal a non-2xx answer stands for: Stripe's error envelope, or the shared status advice. */
    static RuntimeException failure(UpstreamResponse response, String keyName) {
        StripeError error = StripeError.of(response);
        if (error == null) {
            // no envelope (an HTML page from a proxy, an empty 502): the status alone must explain it
            response.orThrow();
            return new IllegalStateException("a non-2xx answer always fails");
        }
        return error.toException(response, keyName);
    }

    private JsonNode parse(UpstreamResponse response) {
        if (response.contentType().toLowerCase(Locale.ROOT).startsWith("text/html")) {
            throw malformed("answered with an HTML page instead of JSON; check that the URL points at the Stripe API");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(response.body());
        } catch (JsonEOFException e) {
            throw malformed("sent JSON that ends early; the answer was truncated");
        } catch (JsonProcessingException e) {
            // only the position is shown: the parser's own message can quote the body
            JsonLocation at = e.getLocation();
            throw malformed("sent JSON that cannot be read" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + "; it may be truncated or not JSON at all");
        } catch (IOException e) {
            throw malformed("sent an unreadable answer (" + e.getClass().getSimpleName() + ")");
        }
        if (node == null || !node.isObject()) {
            throw malformed("sent " + (node == null ? "an empty answer" : "a JSON "
                    + node.getNodeType().name().toLowerCase(Locale.ROOT)) + " where an object was expected");
        }
        return node;
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
        JsonNode value = node == null ? null : node.get(name);
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
        return checkedInteger(name, value, min, max);
    }

    Long optionalInteger(JsonNode node, String name, long min, long max) {
        JsonNode value = node == null ? null : node.get(name);
        return value == null || value.isNull() ? null : checkedInteger(name, value, min, max);
    }

    private long checkedInteger(String name, JsonNode value, long min, long max) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrongType(name, "an integer", value);
        }
        long n = value.longValue();
        if (n < min || n > max) {
            throw malformed("sent '" + name + "' = " + n + ", outside " + min + " to " + max);
        }
        return n;
    }

    boolean bool(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isBoolean()) {
            throw wrongType(name, "true or false", value);
        }
        return value.booleanValue();
    }

    Boolean optionalBool(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw wrongType(name, "true or false", value);
        }
        return value.booleanValue();
    }

    JsonNode optionalObject(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw wrongType(name, "an object", value);
        }
        return value;
    }

    JsonNode array(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isArray()) {
            throw wrongType(name, "an array", value);
        }
        return value;
    }

    /**
     * A field Stripe may send as an id or, when expanded, as the object: the object (checked to be
     * of type {@code object}), or null when absent or only an id.
     */
    JsonNode expanded(JsonNode node, String name, String object) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || value.isTextual()) {
            return null;
        }
        if (!value.isObject()) {
            throw wrongType(name, "an id or an object", value);
        }
        String actual = text(value, "object");
        if (!actual.equals(object)) {
            throw malformed("sent '" + name + "' as a '" + StripeError.shown(actual) + "' where a '" + object
                    + "' was expected");
        }
        return value;
    }

    /** The id of a field Stripe may send as an id or as an expanded object; null when absent. */
    String idOf(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isObject()) {
            return text(value, "id");
        }
        throw wrongType(name, "an id or an object", value);
    }

    private UpstreamException wrongType(String name, String expected, JsonNode got) {
        return malformed("sent '" + name + "' as " + got.getNodeType().name().toLowerCase(Locale.ROOT)
                + " where " + expected + " was expected");
    }

    UpstreamException malformed(String what) {
        return new UpstreamException(UpstreamException.Reason.MALFORMED_RESPONSE, 0, where + " " + what
                + ". Nothing was changed locally; check the connection's URL and API version.", null);
    }
}
