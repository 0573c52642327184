package io.gatehouse.connectors.stripe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Idempotency-Key of each POST a decision makes, derived from the decision's own key and the
 * step, so a decision retried after a crash or a timeout sends the very same keys and Stripe
 * replays its first answer instead of refunding twice.
 */
final class IdempotencyKeys {
    /** Stripe accepts keys up to 255 characters. */
    static final int MAX_LENGTH = 255;
    private static final String PREFIX = "gatehouse-";

    private IdempotencyKeys() {
    }

    static String derive(String decisionKey, String step) {
        String key = PREFIX + decisionKey + "-" + step;
        if (key.length() <= MAX_LENGTH && key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return key;
        }
        // an unusually long or non-ASCII decision key is hashed: still the same for every retry
        return PREFIX + sha256(decisionKey).substring(0, 40) + "-" + sha256(step).substring(0, 40);
    }

    /** A short, stable step name for a value list entry: its list and a digest of the value. */
    static String valueStep(String verb, String listId, String value) {
        return verb + "-" + listId + "-" + sha256(value).substring(0, 16);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
