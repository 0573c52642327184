package io.gatehouse.connectors.stripe;

import io.gatehouse.data.review.ReviewCase;
import java.util.Map;

/**
 * A Radar review as read from Stripe: the case the desk shows, and the handles a decision needs
 * (the charge, the PaymentIntent, whether the money was captured, and the values a block list
 * can take). Card numbers are never read; Stripe does not send them and nothing here would keep them.
 */
record StripeReview(ReviewCase asCase, boolean open, String closedReason, String chargeId, Boolean chargeCaptured,
        String paymentIntentId, String paymentIntentStatus, Map<String, String> blockableValues) {

    StripeReview {
        blockableValues = Map.copyOf(blockableValues);
    }

    String id() {
        return asCase.id();
    }

    /**
     * True when the money was taken, so refusing means a refund; false when only authorized, so
     * refusing means cancelling the PaymentIntent (or releasing the charge).
     */
    boolean captured() {
        if (chargeCaptured != null) {
            return chargeCaptured;
        }
        return "succeeded".equals(paymentIntentStatus);
    }
}
