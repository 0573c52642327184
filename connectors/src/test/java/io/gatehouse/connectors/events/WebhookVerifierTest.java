package io.gatehouse.connectors.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every expected signature is computed by openssl, an implementation independent of ours. */
class WebhookVerifierTest {
    private static final String SECRET = "whsec_test_0123456789abcdef";

    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private final ReplayGuard replays = new ReplayGuard(clock, Duration.ofMinutes(5), 10_000);

    private byte[] opensslHmac(byte[] key, byte[] data) throws Exception {
        Path file = tmp.resolve("data.bin");
        Files.write(file, data);
        Process p = new ProcessBuilder("openssl", "dgst", "-sha256", "-mac", "HMAC", "-macopt",
                "hexkey:" + HexFormat.of().formatHex(key), "-binary", file.toString()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("openssl is installed").isZero();
        return out;
    }

    private String stripeHeader(long t, byte[] body, String secret) throws Exception {
        byte[] signed = (t + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(opensslHmac(secret.getBytes(StandardCharsets.UTF_8), signed));
    }

    private StripeSignatureVerifier stripe() {
        return new StripeSignatureVerifier(SECRET.getBytes(StandardCharsets.UTF_8), clock, Duration.ofSeconds(300), replays);
    }

    @Test
    void stripeAcceptsAFreshSignedEventOnceAndCountsTheReplay() throws Exception {
        byte[] body = "{\"id\":\"evt_1\",\"type\":\"radar.early_fraud_warning.created\"}".getBytes(StandardCharsets.UTF_8);
        String header = stripeHeader(clock.instant().getEpochSecond() - 10, body, SECRET);
        SignatureCounters counters = new SignatureCounters();
        StripeSignatureVerifier verifier = stripe();
        assertThat(counters.record("stripe", verifier.verify(Map.of("stripe-signature", header), body))).isEqualTo(Verdict.ACCEPTED);
        assertThat(counters.record("stripe", verifier.verify(Map.of("Stripe-Signature", header), body))).isEqualTo(Verdict.REPLAYED);
        assertThat(counters.count("stripe", Verdict.REPLAYED)).isEqualTo(1);
    }

    @Test
    void stripeAcceptsAnyOfSeveralV1SignaturesDuringASecretRoll() throws Exception {
        byte[] body = "{\"id\":\"evt_2\"}".getBytes(StandardCharsets.UTF_8);
        long t = clock.instant().getEpochSecond();
        String old = stripeHeader(t, body, "whsec_old_secret").split(",")[1];
        String header = stripeHeader(t, body, SECRET) + "," + old + ",v0=deadbeef";
        String reordered = "t=" + t + "," + old + "," + header.split(",")[1];
        assertThat(stripe().verify(Map.of("Stripe-Signature", reordered), body)).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void stripeRefusesForgedTamperedStaleAndMalformed() throws Exception {
        byte[] body = "{\"id\":\"evt_3\"}".getBytes(StandardCharsets.UTF_8);
        long now = clock.instant().getEpochSecond();
        assertThat(stripe().verify(Map.of("Stripe-Signature", stripeHeader(now, body, "whsec_attacker")), body))
                .isEqualTo(Verdict.BAD_SIGNATURE);
        String good = stripeHeader(now, body, SECRET);
        assertThat(stripe().verify(Map.of("Stripe-Signature", good), "{\"id\":\"evt_4\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(stripe().verify(Map.of("Stripe-Signature", stripeHeader(now - 301, body, SECRET)), body))
                .isEqualTo(Verdict.STALE);
        assertThat(stripe().verify(Map.of("Stripe-Signature", stripeHeader(now + 301, body, SECRET)), body))
                .isEqualTo(Verdict.STALE);
        assertThat(stripe().verify(Map.of(), body)).isEqualTo(Verdict.MALFORMED);
        assertThat(stripe().verify(Map.of("Stripe-Signature", "t=abc,v1=zz"), body)).isEqualTo(Verdict.MALFORMED);
        assertThat(stripe().verify(Map.of("Stripe-Signature", "v1=00"), body)).isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void shopifyVerifiesTheBase64BodyHmacAndCatchesReplaysByDeliveryId() throws Exception {
        byte[] body = "{\"id\":820982911946154508,\"email\":\"jon@example.com\"}".getBytes(StandardCharsets.UTF_8);
        String hmac = Base64.getEncoder().encodeToString(opensslHmac(SECRET.getBytes(StandardCharsets.UTF_8), body));
        ShopifyHmacVerifier verifier = new ShopifyHmacVerifier(SECRET.getBytes(StandardCharsets.UTF_8), replays);
        Map<String, String> headers = Map.of("X-Shopify-Hmac-Sha256", hmac, "X-Shopify-Webhook-Id", "b54557e4-bdd9");
        assertThat(verifier.verify(headers, body)).isEqualTo(Verdict.ACCEPTED);
        assertThat(verifier.verify(headers, body)).isEqualTo(Verdict.REPLAYED);
        assertThat(verifier.verify(Map.of("X-Shopify-Hmac-Sha256", hmac), "{}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(verifier.verify(Map.of("X-Shopify-Hmac-Sha256", "not base64!"), body)).isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void adyenVerifiesEachNotificationItem() throws Exception {
        String hexKey = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";
        String signed = "7914073381342284::TestMerchant:TestPayment-1407325143704:1130:EUR:AUTHORISATION:true";
        String signature = Base64.getEncoder().encodeToString(
                opensslHmac(HexFormat.of().parseHex(hexKey), signed.getBytes(StandardCharsets.UTF_8)));
        String item = """
                {"NotificationRequestItem":{"additionalData":{"hmacSignature":"%s"},"amount":{"currency":"EUR","value":1130},
                "eventCode":"AUTHORISATION","eventDate":"2026-11-25T09:59:00+01:00","merchantAccountCode":"TestMerchant",
                "merchantReference":"TestPayment-1407325143704","pspReference":"7914073381342284","success":"true"}}""";
        byte[] body = ("{\"live\":\"false\",\"notificationItems\":[" + item.formatted(signature) + "]}")
                .getBytes(StandardCharsets.UTF_8);
        clock.set(java.time.Instant.parse("2026-11-25T09:00:00Z"));
        AdyenHmacVerifier verifier = new AdyenHmacVerifier(hexKey, clock, Duration.ofHours(1), replays);
        assertThat(verifier.verify(Map.of(), body)).isEqualTo(Verdict.ACCEPTED);
        assertThat(verifier.verify(Map.of(), body)).isEqualTo(Verdict.REPLAYED);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("1130", "9130").getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(Map.of(), tampered)).isEqualTo(Verdict.BAD_SIGNATURE);
        clock.set(java.time.Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(new AdyenHmacVerifier(hexKey, clock, Duration.ofHours(1), new ReplayGuard(clock, Duration.ofHours(1), 10))
                .verify(Map.of(), body)).isEqualTo(Verdict.STALE);
        assertThat(verifier.verify(Map.of(), "{\"notificationItems\":5}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void theReplayGuardForgetsAfterItsWindowAndStaysBounded() {
        ReplayGuard guard = new ReplayGuard(clock, Duration.ofMinutes(5), 3);
        assertThat(guard.firstTime("a")).isTrue();
        assertThat(guard.firstTime("a")).isFalse();
        clock.advance(Duration.ofMinutes(6));
        assertThat(guard.firstTime("a")).isTrue();
        for (String id : new String[] {"b", "c", "d", "e"}) {
            assertThat(guard.firstTime(id)).isTrue();
        }
        assertThat(guard.firstTime("e")).isFalse();
    }
}
