package io.gatehouse.connectors.stripe;

import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.DecisionPayload;
import io.gatehouse.data.review.DecisionRequest;
import io.gatehouse.data.review.DeliveryState;
import io.gatehouse.data.review.OutboxEntry;
import io.gatehouse.data.review.AllowlistEntry;
import io.gatehouse.data.secrets.Secret;
import io.gatehouse.data.secrets.SecretStore;
import io.gatehouse.data.testing.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/**
 * A Stripe connector pointed at MockWebServer on loopback, serving the Stripe-shaped fixtures
 * under {@code src/test/resources/stripe/}. Waits go to a list on a manual clock, never to sleep.
 */
final class StripeRig implements AutoCloseable {
    static final String API_KEY = "sk_test_51NeverLogThisKey9Qx2";
    static final String KEY_NAME = "stripe-key";
    static final String ALLOW_CARDS = "rsl_1PqXw82eZvKYlo2CuVwXyZab";
    static final String ALLOW_EMAILS = "rsl_1PqXw92eZvKYlo2CeMaIlSok";
    static final String BLOCK_CARDS = "rsl_1PqXwA2eZvKYlo2CbLoCkCaR";
    static final String BLOCK_IPS = "rsl_1PqXwB2eZvKYlo2CbLoCkIpS";

    final MockWebServer mock = new MockWebServer();
    final ManualClock clock = ManualClock.at("2025-11-25T10:00:00Z");
    final List<Duration> sleeps = new ArrayList<>();

    StripeRig() {
        try {
            mock.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    StripeSettings settings() {
        return settings(URI.create(mock.url("/").toString()));
    }

    static StripeSettings settings(URI base) {
        return new StripeSettings(base, StripeSettings.PINNED_VERSION,
                Map.of("card_fingerprint", ALLOW_CARDS, "email", ALLOW_EMAILS),
                Map.of("card_fingerprint", BLOCK_CARDS, "ip_address", BLOCK_IPS), 4, Duration.ofMillis(500));
    }

    UpstreamClient upstream(int attempts) {
        return new UpstreamClient("Stripe", HttpClients.standard(null), clock, d -> {
            sleeps.add(d);
            clock.advance(d);
        }, RandomGenerator.of("L64X128MixRandom"), attempts, Duration.ofSeconds(30));
    }

    StripeKey key() {
        return StripeKey.fromStore(() -> Optional.of(new OneSecret(KEY_NAME, API_KEY)), KEY_NAME);
    }

    StripeRadarQueue queue() {
        return queue(settings());
    }

    StripeRadarQueue queue(StripeSettings settings) {
        return new StripeRadarQueue(upstream(3), settings, key(), clock, this::sleep);
    }

    StripeDecisionDelivery delivery() {
        return new StripeDecisionDelivery(upstream(1), settings(), key(), this::sleep);
    }

    private void sleep(Duration d) {
        sleeps.add(d);
        clock.advance(d);
    }

    void enqueue(int status, String fixture) {
        mock.enqueue(json(status, fixture(fixture)));
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setHeader("Request-Id", "req_" + Integer.toHexString(body.hashCode())).setBody(body);
    }

    static String fixture(String name) {
        try (InputStream in = StripeRig.class.getResourceAsStream("/stripe/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OutboxEntry entry(String key, String caseId, DecisionAction action, List<AllowlistEntry> allowlist) {
        String payload = DecisionPayload.write(new DecisionRequest(action, "checked the evidence", "alice", allowlist, null));
        Instant now = Instant.parse("2025-11-25T10:00:00Z");
        return new OutboxEntry(1, key, caseId, action.value(), payload, DeliveryState.PENDING, 0, now, now, now, null, null);
    }

    @Override
    public void close() {
        try {
            mock.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A secret store holding one key. */
    record OneSecret(String name, String value) implements SecretStore {
        @Override
        public void put(String n, char[] v) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Secret> get(String n) {
            return n.equals(name) ? Optional.of(Secret.copyOf(value.toCharArray())) : Optional.empty();
        }

        @Override
        public boolean delete(String n) {
            return false;
        }

        @Override
        public SortedSet<String> names() {
            return new TreeSet<>(List.of(name));
        }

        @Override
        public String toString() {
            return "OneSecret[" + name + "]";
        }
    }
}
