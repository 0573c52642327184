package io.gatehouse.connectors.stripe;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the console talks to one Stripe account: the API root (Stripe's own unless a test double
 * stands in), the pinned API version the response shapes are read against, the Radar value lists
 * per allowlist type, and how often a closed review is read back before it counts as pending.
 */
public record StripeSettings(URI baseUrl, String apiVersion, Map<String, String> allowLists,
        Map<String, String> blockLists, int confirmAttempts, Duration confirmFirstWait) {

    /** Stripe's API root. */
    public static final URI STRIPE_API = URI.create("https://api.stripe.com");
    /**
     * The API version every request pins with the Stripe-Version header, so an account upgraded
     * in the dashboard cannot change the shapes this connector reads.
     */
    public static final String PINNED_VERSION = "2024-06-20";

    public StripeSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiVersion, "apiVersion");
        allowLists = Map.copyOf(allowLists);
        blockLists = Map.copyOf(blockLists);
        if (confirmAttempts < 1 || confirmAttempts > 20) {
            throw new IllegalArgumentException("confirmAttempts must be between 1 and 20, got " + confirmAttempts);
        }
        Objects.requireNonNull(confirmFirstWait, "confirmFirstWait");
    }

    /** Stripe itself at the pinned version, with the given value lists; {@code baseUrl} null means Stripe's API. */
    public static StripeSettings of(URI baseUrl, String apiVersion, Map<String, String> allowLists,
            Map<String, String> blockLists) {
        return new StripeSettings(baseUrl == null ? STRIPE_API : baseUrl, apiVersion == null ? PINNED_VERSION : apiVersion,
                allowLists, blockLists, 5, Duration.ofMillis(500));
    }
}
