package io.gatehouse.connectors.events;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * Shopify's scheme: {@code X-Shopify-Hmac-Sha256} is the base64 HMAC-SHA256 of the raw body under
 * the app's secret. Shopify signs no timestamp, so replays are caught by the delivery's
 * {@code X-Shopify-Webhook-Id} (or, without it, the signature itself).
 */
public final class ShopifyHmacVerifier implements WebhookVerifier {
    private final byte[] secret;
    private final ReplayGuard replays;

    public ShopifyHmacVerifier(byte[] secret, ReplayGuard replays) {
        this.secret = secret.clone();
        this.replays = replays;
    }

    @Override
    public String scheme() {
        return "shopify";
    }

    @Override
    public Verdict verify(Map<String, String> headers, byte[] body) {
        String header = WebhookVerifier.header(headers, "X-Shopify-Hmac-Sha256");
        if (header == null || header.length() > 128) {
            return Verdict.MALFORMED;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.strip());
        } catch (IllegalArgumentException e) {
            return Verdict.MALFORMED;
        }
        byte[] expected = Hmac.sha256(secret, body);
        if (!Hmac.same(expected, given)) {
            return Verdict.BAD_SIGNATURE;
        }
        String deliveryId = WebhookVerifier.header(headers, "X-Shopify-Webhook-Id");
        String id = deliveryId != null ? deliveryId : HexFormat.of().formatHex(expected);
        return replays.firstTime("shopify:" + id) ? Verdict.ACCEPTED : Verdict.REPLAYED;
    }
}
