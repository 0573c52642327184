package io.gatehouse.connectors.stripe;

import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.http.UpstreamException;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.review.DecisionDelivery;
import io.gatehouse.data.review.DecisionPayload;
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
public final class StripeDecisionDelivery implements DecisionDelivery {
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
        } catch (StripeApiException e) {
            if (e.retryable()) {
                return new DeliveryOutcome.Retry(e.retryAfter(), e.getMessage());
            }
            if (e.status() == 401 || e.status() == 403) {
                // a refused key is fixed by rotating it, after which the decision must still go out
                return new DeliveryOutcome.Retry(null, e.getMessage());
            }
            return new DeliveryOutcome.Failed(e.getMessage());
        } catch (UpstreamException e) {
            return new DeliveryOutcome.Retry(e.retryAfter(), e.getMessage());
        } catch (GatehouseException e) {
            // a locked secret store or a missing key: keep the decision and try again once it is fixed
            return new DeliveryOutcome.Retry(null, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "StripeDecisionDelivery[" + key + "]";
    }
}
