package io.gatehouse.connectors.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Stripe's scheme: {@code Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...]}, each v1 an
 * HMAC-SHA256 of {@code t + "." + body} under the endpoint secret. Several v1 values appear while
 * a secret is being rolled; any match is enough. Timestamps beyond the tolerance are refused.
 */
public final class StripeSignatureVerifier implements WebhookVerifier {
    private final byte[] secret;
    private final InstantSource clock;
    private final Duration tolerance;
    private final ReplayGuard replays;

    public StripeSignatureVerifier(byte[] secret, InstantSource clock, Duration tolerance, ReplayGuard replays) {
        this.secret = secret.clone();
        this.clock = clock;
        this.tolerance = tolerance;
        this.replays = replays;
    }

    @Override
    public String scheme() {
        return "stripe";
    }

    @Override
    public Verdict verify(Map<String, String> headers, byte[] body) {
        String header = WebhookVerifier.header(headers, "Stripe-Signature");
        if (header == null || header.length() > 4096) {
            return Verdict.MALFORMED;
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                return Verdict.MALFORMED;
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            try {
                if (key.equals("t")) {
                    timestamp = Long.parseLong(value);
                } else if (key.equals("v1")) {
                    signatures.add(HexFormat.of().parseHex(value));
                }
            } catch (IllegalArgumentException e) {
                return Verdict.MALFORMED;
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return Verdict.MALFORMED;
        }
        byte[] expected = Hmac.sha256(secret, (timestamp + ".").getBytes(StandardCharsets.US_ASCII), body);
        boolean matched = false;
        for (byte[] signature : signatures) {
            // every candidate is compared, so timing does not tell which one matched
            matched |= Hmac.same(expected, signature);
        }
        if (!matched) {
            return Verdict.BAD_SIGNATURE;
        }
        long age = clock.instant().getEpochSecond() - timestamp;
        if (Math.abs(age) > tolerance.toSeconds()) {
            return Verdict.STALE;
        }
        return replays.firstTime("stripe:" + HexFormat.of().formatHex(expected)) ? Verdict.ACCEPTED : Verdict.REPLAYED;
    }
}
