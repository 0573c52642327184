package io.gatehouse.connectors.stripe;

import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.http.UpstreamException;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.review.DecisionDelivery;
import io.gatehouse.data.review.DecisionPayload;
import io.gatehouse.data.review.DecisionReadBack;
import io.gatehouse.data.review.DecisionRequest;
import io.gatehouse.data.review.DeliveryOutcome;
import io.gatehouse.data.review.OutboxEntry;
import io.gatehouse.data.time.Sleeper;
import java.util.Objects;

/**
 * Delivers outbox decisions to Stripe Radar. Every POST's Idempotency-Key derives from the
 * entry's key, so an entry resent after a crash or timeout replays instead of refunding twice.
 * Rate limits, Stripe's 5xx, a request still running under the same key (409), the network and
 * a refused key are retried by the outbox; other 4xx refusals are final and keep their reason.
 * Nothing here throws.
 */
public final class StripeDecisionDelivery implements DecisionDelivery, DecisionReadBack {
    private final StripeActions actions;
    private final StripeKey key;

    /** {@code upstream} should make one attempt: the outbox owns the backoff. */
    public StripeDecisionDelivery(UpstreamClient upstream, StripeSettings settings, StripeKey key, Sleeper sleeper) {
        this.key = Objects.requireNonNull(key, "key");
        this.actions = new StripeActions(new StripeCalls(upstream, settings, key), settings, key.secretName(), sleeper);
    }

    @Override
    public DeliveryOutcome deliver(OutboxEntry entry) {
        DecisionRequest request;
        try {
            request = DecisionPayload.read(entry.payloadJson());
        } catch (IllegalArgumentException e) {
            return new DeliveryOutcome.Failed("the stored decision cannot be read: " + e.getMessage());
        }
        try {
            return actions.apply(entry.caseId(), request, entry.idempotencyKey());
        } catch (RuntimeException e) {
            return classify(e);
        }
    }

    /** Reads a decision left pending confirmation back from Stripe: the review closed, or still open. */
    @Override
    public DeliveryOutcome readBack(OutboxEntry entry) {
        DecisionRequest request;
        try {
            request = DecisionPayload.read(entry.payloadJson());
        } catch (IllegalArgumentException e) {
            return new DeliveryOutcome.Failed("the stored decision cannot be read: " + e.getMessage());
        }
        try {
            return actions.readBack(entry.caseId(), request.action());
        } catch (RuntimeException e) {
            return classify(e);
        }
    }

    /** What a failure means for the outbox; anything that is not a known failure is a defect and is rethrown. */
    private static DeliveryOutcome classify(RuntimeException failure) {
        return switch (failure) {
            case StripeApiException e when e.retryable() -> new DeliveryOutcome.Retry(e.retryAfter(), e.getMessage());
            // a refused key is fixed by rotating it, after which the decision must still go out
            case StripeApiException e when e.status() == 401 || e.status() == 403 ->
                    new DeliveryOutcome.Retry(null, e.getMessage());
            case StripeApiException e -> new DeliveryOutcome.Failed(e.getMessage());
            case UpstreamException e -> new DeliveryOutcome.Retry(e.retryAfter(), e.getMessage());
            // a locked secret store or a missing key: keep the decision and try again once it is fixed
            case GatehouseException e -> new DeliveryOutcome.Retry(null, e.getMessage());
            default -> throw failure;
        };
    }

    @Override
    public String toString() {
        return "StripeDecisionDelivery[" + key + "]";
    }
}
