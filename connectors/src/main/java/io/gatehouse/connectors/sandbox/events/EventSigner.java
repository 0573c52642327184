package io.gatehouse.connectors.sandbox.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs each relayed event as a real platform signs a webhook, and wraps it as one line of the
 * stream: {@code {"id":N,"headers":{...},"body":"<the signed bytes as text>"}}. The body travels as
 * a string so the receiver verifies exactly the bytes that were signed.
 *
 * <ul>
 *   <li>stripe: {@code Stripe-Signature: t=<signing time>,v1=<hex HMAC-SHA256 of "t.body">};</li>
 *   <li>shopify: {@code X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256 of the body>} and the event id as
 *       {@code X-Shopify-Webhook-Id};</li>
 *   <li>adyen: a standard notification whose signed fields carry the event (pspReference = id,
 *       originalReference = occurred-at, merchantReference = region, eventCode = type,
 *       amount.value = count, currency XXX), signed with the hex key as Adyen does.</li>
 * </ul>
 *
 * The secret is one 64-hex-digit text: stripe and shopify use its characters as the key, adyen reads
 * it as a hex key.
 */
public final class EventSigner {
    /** The signature schemes the sandbox relays with. */
    public enum Scheme {
        STRIPE, ADYEN, SHOPIFY;

        public static Scheme parse(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String secret;
    private final InstantSource wallClock;

    public EventSigner(String secret, InstantSource wallClock) {
        this.secret = secret;
        this.wallClock = wallClock;
    }

    /** The event's JSON, as stripe and shopify sign it. */
    static String eventJson(SecurityEventLog.Entry e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", e.id());
        n.put("type", e.type());
        n.put("region", e.region());
        n.put("occurred_at", e.occurredAt().toString());
        n.put("count", e.count());
        return n.toString();
    }

    /** One line of the stream, without its newline. */
    public String line(Scheme scheme, SecurityEventLog.Entry e) {
        ObjectNode line = JSON.createObjectNode();
        line.put("id", e.seq());
        ObjectNode headers = line.putObject("headers");
        String body;
        switch (scheme) {
            case STRIPE -> {
                body = eventJson(e);
                long t = wallClock.instant().getEpochSecond();
                byte[] mac = hmac(secret.getBytes(StandardCharsets.UTF_8), (t + "." + body).getBytes(StandardCharsets.UTF_8));
                headers.put("Stripe-Signature", "t=" + t + ",v1=" + HexFormat.of().formatHex(mac));
            }
            case SHOPIFY -> {
                body = eventJson(e);
                byte[] mac = hmac(secret.getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8));
                headers.put("X-Shopify-Hmac-Sha256", Base64.getEncoder().encodeToString(mac));
                headers.put("X-Shopify-Webhook-Id", e.id());
                headers.put("X-Shopify-Topic", "security_events/create");
            }
            case ADYEN -> body = adyenNotification(e, wallClock.instant());
            default -> throw new IllegalStateException("unknown scheme " + scheme);
        }
        line.put("body", body);
        return line.toString();
    }

    private String adyenNotification(SecurityEventLog.Entry e, Instant signedAt) {
        String signed = String.join(":", e.id(), e.occurredAt().toString(), "GatehouseSandbox", e.region(),
                Long.toString(e.count()), "XXX", e.type(), "true");
        byte[] mac = hmac(HexFormat.of().parseHex(secret), signed.getBytes(StandardCharsets.UTF_8));
        ObjectNode root = JSON.createObjectNode();
        root.put("live", "false");
        ObjectNode item = root.putArray("notificationItems").addObject().putObject("NotificationRequestItem");
        item.put("pspReference", e.id());
        item.put("originalReference", e.occurredAt().toString());
        item.put("merchantAccountCode", "GatehouseSandbox");
        item.put("merchantReference", e.region());
        ObjectNode amount = item.putObject("amount");
        amount.put("value", e.count());
        amount.put("currency", "XXX");
        item.put("eventCode", e.type());
        item.put("eventDate", signedAt.toString());
        item.put("success", "true");
        item.putObject("additionalData").put("hmacSignature", Base64.getEncoder().encodeToString(mac));
        return root.toString();
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", ex);
        }
    }
}
