package io.gatehouse.connectors.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * Adyen's standard-notification scheme: each NotificationRequestItem carries
 * {@code additionalData.hmacSignature}, the base64 HMAC-SHA256, under the hex-encoded key, of
 * {@code pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:eventCode:success}.
 * Every item of a batch must verify. Adyen retries deliveries, so a replay is an item whose
 * signature was already accepted; items older than the tolerance (by eventDate) are stale.
 */
public final class AdyenHmacVerifier implements WebhookVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] key;
    private final InstantSource clock;
    private final Duration tolerance;
    private final ReplayGuard replays;

    /** {@code hexKey} is the HMAC key as the Customer Area shows it. */
    public AdyenHmacVerifier(String hexKey, InstantSource clock, Duration tolerance, ReplayGuard replays) {
        this.key = HexFormat.of().parseHex(hexKey);
        this.clock = clock;
        this.tolerance = tolerance;
        this.replays = replays;
    }

    @Override
    public String scheme() {
        return "adyen";
    }

    @Override
    public Verdict verify(Map<String, String> headers, byte[] body) {
        JsonNode items;
        try {
            items = JSON.readTree(body).path("notificationItems");
        } catch (IOException e) {
            return Verdict.MALFORMED;
        }
        if (!items.isArray() || items.isEmpty()) {
            return Verdict.MALFORMED;
        }
        Verdict worst = Verdict.ACCEPTED;
        StringBuilder ids = new StringBuilder();
        for (JsonNode wrapper : items) {
            JsonNode item = wrapper.path("NotificationRequestItem");
            String given = item.path("additionalData").path("hmacSignature").asText(null);
            if (given == null || !item.path("amount").isObject()) {
                return Verdict.MALFORMED;
            }
            byte[] expected = Hmac.sha256(key, signedText(item).getBytes(StandardCharsets.UTF_8));
            byte[] actual;
            try {
                actual = Base64.getDecoder().decode(given);
            } catch (IllegalArgumentException e) {
                return Verdict.MALFORMED;
            }
            if (!Hmac.same(expected, actual)) {
                return Verdict.BAD_SIGNATURE;
            }
            if (isStale(item.path("eventDate").asText(""))) {
                worst = Verdict.STALE;
            }
            ids.append(given);
        }
        if (worst != Verdict.ACCEPTED) {
            return worst;
        }
        return replays.firstTime("adyen:" + ids) ? Verdict.ACCEPTED : Verdict.REPLAYED;
    }

    static String signedText(JsonNode item) {
        JsonNode amount = item.path("amount");
        return String.join(":", item.path("pspReference").asText(""), item.path("originalReference").asText(""),
                item.path("merchantAccountCode").asText(""), item.path("merchantReference").asText(""),
                amount.path("value").asText(""), amount.path("currency").asText(""), item.path("eventCode").asText(""),
                item.path("success").asText(""));
    }

    private boolean isStale(String eventDate) {
        if (eventDate.isEmpty()) {
            return false;
        }
        try {
            Instant at = OffsetDateTime.parse(eventDate).toInstant();
            return Duration.between(at, clock.instant()).abs().compareTo(tolerance) > 0;
        } catch (DateTimeParseException e) {
            return true;
        }
    }
}
