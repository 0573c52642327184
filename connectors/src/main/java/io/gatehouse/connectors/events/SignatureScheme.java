package io.gatehouse.connectors.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gatehouse.data.events.SecurityEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The webhook signature schemes an event stream may be signed with, and how each carries the
 * event: stripe and shopify sign the event's own JSON; adyen signs a standard notification whose
 * signed fields carry it (pspReference = id, originalReference = occurred-at, merchantReference =
 * region, eventCode = type, amount.value = count), so nothing the console uses is unsigned.
 */
public enum SignatureScheme {
    STRIPE, ADYEN, SHOPIFY;

    /** Strict JSON: duplicate keys and trailing data are refused, not resolved. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    /** The configuration's name: stripe, adyen or shopify. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scheme of a configuration name, or empty for an unknown one. */
    public static Optional<SignatureScheme> ofConfigName(String name) {
        for (SignatureScheme s : values()) {
            if (s.configName().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * A verifier keyed with {@code secret}: its characters for stripe and shopify, its hex digits for
     * adyen. {@code tolerance} bounds the signing time (stripe) or event date (adyen).
     *
     * @throws IllegalArgumentException when an adyen secret is not hex
     */
    public WebhookVerifier verifier(char[] secret, InstantSource clock, Duration tolerance, ReplayGuard replays) {
        return switch (this) {
            case STRIPE -> new StripeSignatureVerifier(utf8(secret), clock, tolerance, replays);
            case SHOPIFY -> new ShopifyHmacVerifier(utf8(secret), replays);
            case ADYEN -> new AdyenHmacVerifier(new String(secret), clock, tolerance, replays);
        };
    }

    private static byte[] utf8(char[] chars) {
        java.nio.ByteBuffer b = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(chars));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        java.util.Arrays.fill(b.array(), (byte) 0);
        return out;
    }

    /**
     * The event a verified body carries.
     *
     * @throws IllegalArgumentException with one sentence when the body is not a well-formed event
     */
    public SecurityEvent decode(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the event body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the event body is not a JSON object");
        }
        if (this == ADYEN) {
            JsonNode items = root.path("notificationItems");
            if (!items.isArray() || items.size() != 1) {
                throw new IllegalArgumentException("an adyen event carries exactly one notification item");
            }
            JsonNode item = items.get(0).path("NotificationRequestItem");
            return new SecurityEvent(text(item, "pspReference"), text(item, "eventCode"), text(item, "merchantReference"),
                    instant(text(item, "originalReference")), integer(item.path("amount"), "value"));
        }
        return new SecurityEvent(text(root, "id"), text(root, "type"), text(root, "region"),
                instant(text(root, "occurred_at")), integer(root, "count"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("the event has no text field '" + field + "'");
        }
        return v.asText();
    }

    private static long integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("the event has no whole-number field '" + field + "'");
        }
        return v.asLong();
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the event time is not an ISO-8601 instant");
        }
    }
}
