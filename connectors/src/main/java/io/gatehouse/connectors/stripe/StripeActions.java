package io.gatehouse.connectors.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.connectors.http.UpstreamException;
import io.gatehouse.connectors.http.UpstreamResponse;
import io.gatehouse.data.review.AllowlistEntry;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.DecisionRequest;
import io.gatehouse.data.review.DeliveryOutcome;
import io.gatehouse.data.time.Sleeper;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import okhttp3.FormBody;

/**
 * Carries out one decision on a Radar review the way Stripe expects it: approve and confirm the
 * closure by reading the review back; refuse by refunding a captured payment or cancelling the
 * PaymentIntent of an uncaptured one; and add allow or block list entries. Every POST has an
 * Idempotency-Key derived from the decision's key and the step, so a retried decision repeats
 * nothing. Stripe's refusals are thrown as {@link StripeApiException}, the network's as
 * {@link UpstreamException}; what the decision came to is the returned outcome.
 */
final class StripeActions {
    private static final Set<String> APPROVED = Set.of("approved");

    private final StripeCalls calls;
    private final StripeSettings settings;
    private final String keyName;
    private final Sleeper sleeper;

    StripeActions(StripeCalls calls, StripeSettings settings, String keyName, Sleeper sleeper) {
        this.calls = calls;
        this.settings = settings;
        this.keyName = keyName;
        this.sleeper = sleeper;
    }

    /** The review with its charge and PaymentIntent expanded. */
    StripeReview fetch(String reviewId) {
        UpstreamResponse response = calls.get(calls.url("reviews", reviewId).addQueryParameter("expand[]", "charge")
                .addQueryParameter("expand[]", "charge.outcome.rule").addQueryParameter("expand[]", "payment_intent")
                .build(), StripeLimits.REVIEW);
        JsonNode body = StripeJson.objectOf(response, "review", keyName);
        return new ReviewReader(StripeJson.at(response)).review(body);
    }

    DeliveryOutcome apply(String reviewId, DecisionRequest request, String decisionKey) {
        DecisionAction action = request.action();
        if (DecisionAction.UNDO.equals(action)) {
            return new DeliveryOutcome.Failed("Stripe cannot undo a review decision: an approval stands and a refund"
                    + " or a cancelled payment cannot be taken back. Ask the customer to pay again if needed.");
        }
        if (!action.known()) {
            return new DeliveryOutcome.Failed("'" + action + "' is not a decision the Stripe connector can carry out.");
        }
        String missing = missingAllowList(request);
        if (missing != null) {
            // refused before anything is sent, so nothing is half done
            return new DeliveryOutcome.Failed("No Radar allow list is configured for '" + missing + "'; add"
                    + " 'allowLists: { " + missing + ": rsl_... }' to the profile's stripe section.");
        }
        StripeReview review = fetch(reviewId);
        Answer answer = new Answer(reviewId, action);
        if (DecisionAction.APPROVE.equals(action)) {
            return approve(review, request, decisionKey, answer);
        }
        if (DecisionAction.DECLINE.equals(action)) {
            return refuse(review, decisionKey, answer);
        }
        if (DecisionAction.REVERSE_DECLINE.equals(action)) {
            if (request.allowlist().isEmpty()) {
                return new DeliveryOutcome.Failed("Stripe cannot let a blocked payment through after the fact; reverse"
                        + " it with an allowlist entry (card fingerprint, email or customer) so the customer's retry passes.");
            }
            allow(request, decisionKey, answer);
            return new DeliveryOutcome.Confirmed(answer.note(request.notification() == null ? null
                    : "Stripe sends no retry message; contact the customer yourself").toString());
        }
        // hold and escalate: Radar has no such states, the review simply stays open in Stripe
        allow(request, decisionKey, answer);
        return new DeliveryOutcome.Confirmed(answer.note("kept in this console only; the review stays open in Stripe")
                .toString());
    }

    private DeliveryOutcome approve(StripeReview review, DecisionRequest request, String decisionKey, Answer answer) {
        if (!review.open()) {
            return closedAlready(review, APPROVED, () -> allow(request, decisionKey, answer), answer);
        }
        UpstreamResponse response = calls.post(calls.url("reviews", review.id(), "approve").build(),
                new FormBody.Builder().build(), IdempotencyKeys.derive(decisionKey, "approve"), StripeLimits.REVIEW);
        JsonNode approved = StripeJson.objectOf(response, "review", keyName);
        answer.step(response, approved);
        allow(request, decisionKey, answer);
        return confirmClosure(review.id(), APPROVED, answer);
    }

    private DeliveryOutcome refuse(StripeReview review, String decisionKey, Answer answer) {
        if (!review.open()) {
            return closedAlready(review, ReviewReader.REFUSED, () -> block(review, decisionKey, answer), answer);
        }
        UpstreamResponse response;
        JsonNode result;
        if (!review.captured() && review.paymentIntentId() != null) {
            response = calls.post(calls.url("payment_intents", review.paymentIntentId(), "cancel").build(),
                    new FormBody.Builder().add("cancellation_reason", "fraudulent").build(),
                    IdempotencyKeys.derive(decisionKey, "cancel"), StripeLimits.WRITE);
            result = StripeJson.objectOf(response, "payment_intent", keyName);
        } else {
            FormBody.Builder form = new FormBody.Builder();
            if (review.paymentIntentId() != null) {
                form.add("payment_intent", review.paymentIntentId());
            } else if (review.chargeId() != null) {
                form.add("charge", review.chargeId());
            } else {
                return new DeliveryOutcome.Failed("Review " + review.id() + " names neither a charge nor a"
                        + " PaymentIntent, so there is nothing to refund; refuse it in the Stripe dashboard.");
            }
            form.add("reason", "fraudulent");
            try {
                response = calls.post(calls.url("refunds").build(), form.build(),
                        IdempotencyKeys.derive(decisionKey, "refund"), StripeLimits.WRITE);
                result = StripeJson.objectOf(response, "refund", keyName);
            } catch (StripeApiException e) {
                if ("charge_already_refunded".equals(e.problem())) {
                    return new DeliveryOutcome.Conflict(answer.standing("refunded", null).toString(),
                            "The payment of review " + review.id() + " was already refunded outside this console; "
                                    + "nothing more was taken back.");
                }
                throw e;
            }
            String status = StripeJson.at(response).text(result, "status");
            if (status.equals("failed") || status.equals("canceled")) {
                return new DeliveryOutcome.Failed("Stripe could not refund the payment of review " + review.id()
                        + " (refund status " + status + "); look at the payment in the Stripe dashboard.");
            }
        }
        answer.step(response, result);
        block(review, decisionKey, answer);
        return confirmClosure(review.id(), ReviewReader.REFUSED, answer);
    }

    private DeliveryOutcome closedAlready(StripeReview review, Set<String> sameEffect, Runnable followUps,
            Answer answer) {
        String reason = review.closedReason();
        if (reason != null && sameEffect.contains(reason)) {
            // an earlier attempt of this decision (or a colleague in the dashboard) did the same: finish the rest
            followUps.run();
            return new DeliveryOutcome.Confirmed(answer.closed(reason).toString());
        }
        return new DeliveryOutcome.Conflict(answer.standing(reason, review).toString(), "Review " + review.id()
                + " was already closed in Stripe as '" + reason + "'; this decision was not applied.");
    }

    /**
     * Reads the review back until it is closed: the answer to approve can still say open. Waits
     * grow from the first wait, on the injected sleeper; a review still open after the last try is
     * reported as accepted but pending confirmation.
     */
    private DeliveryOutcome confirmClosure(String reviewId, Set<String> expected, Answer answer) {
        Duration wait = settings.confirmFirstWait();
        for (int attempt = 1; ; attempt++) {
            DeliveryOutcome closed = readOnce(reviewId, expected, answer);
            if (closed != null) {
                return closed;
            }
            if (attempt >= settings.confirmAttempts()) {
                return new DeliveryOutcome.Accepted(answer.note("pending confirmation: Stripe still shows the review"
                        + " open after " + attempt + " readings").toString());
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new DeliveryOutcome.Accepted(answer.note("pending confirmation: interrupted while waiting")
                        .toString());
            }
            wait = wait.multipliedBy(2);
        }
    }

    /**
     * One later reading of a decision left pending confirmation: confirmed or a conflict once the
     * review is closed, still accepted while it is open.
     */
    DeliveryOutcome readBack(String reviewId, DecisionAction action) {
        Set<String> expected = DecisionAction.APPROVE.equals(action) ? APPROVED : ReviewReader.REFUSED;
        Answer answer = new Answer(reviewId, action);
        DeliveryOutcome closed = readOnce(reviewId, expected, answer);
        return closed != null ? closed
                : new DeliveryOutcome.Accepted(answer.note("pending confirmation: Stripe still shows the review open")
                        .toString());
    }

    /** The outcome once the review reads closed; null while it is still open. */
    private DeliveryOutcome readOnce(String reviewId, Set<String> expected, Answer answer) {
        UpstreamResponse response = calls.get(calls.url("reviews", reviewId).build(), StripeLimits.REVIEW);
        JsonNode body = StripeJson.objectOf(response, "review", keyName);
        StripeJson json = StripeJson.at(response);
        if (json.bool(body, "open")) {
            return null;
        }
        String reason = json.optionalText(body, "closed_reason");
        if (reason != null && expected.contains(reason)) {
            return new DeliveryOutcome.Confirmed(answer.closed(reason).toString());
        }
        return new DeliveryOutcome.Conflict(answer.closed(reason).toString(), "Review " + reviewId
                + " closed in Stripe as '" + reason + "', not as this decision asked.");
    }

    private String missingAllowList(DecisionRequest request) {
        for (AllowlistEntry entry : request.allowlist()) {
            if (!settings.allowLists().containsKey(entry.type())) {
                return entry.type();
            }
        }
        return null;
    }

    private void allow(DecisionRequest request, String decisionKey, Answer answer) {
        for (AllowlistEntry entry : request.allowlist()) {
            addItem(settings.allowLists().get(entry.type()), entry.value(), "allow", decisionKey, answer);
        }
    }

    private void block(StripeReview review, String decisionKey, Answer answer) {
        // sorted, so a retried decision makes the same calls in the same order
        for (Map.Entry<String, String> list : new TreeMap<>(settings.blockLists()).entrySet()) {
            String value = review.blockableValues().get(list.getKey());
            if (value != null) {
                addItem(list.getValue(), value, "block", decisionKey, answer);
            }
        }
    }

    private void addItem(String listId, String value, String verb, String decisionKey, Answer answer) {
        UpstreamResponse response = calls.post(calls.url("radar", "value_list_items").build(),
                new FormBody.Builder().add("value_list", listId).add("value", value).build(),
                IdempotencyKeys.derive(decisionKey, IdempotencyKeys.valueStep(verb, listId, value)), StripeLimits.WRITE);
        JsonNode item = StripeJson.objectOf(response, "radar.value_list_item", keyName);
        StripeJson json = StripeJson.at(response);
        json.text(item, "value");
        json.text(item, "value_list");
        answer.step(response, item);
    }

    /** What was done, as the JSON the outbox keeps as the upstream's answer. */
    private static final class Answer {
        private final ObjectNode root = StripeJson.MAPPER.createObjectNode();
        private final ArrayNode steps;

        Answer(String reviewId, DecisionAction action) {
            root.put("upstream", "stripe").put("review", reviewId).put("action", action.value());
            steps = root.putArray("steps");
        }

        void step(UpstreamResponse response, JsonNode object) {
            ObjectNode step = steps.addObject().put("request", response.requestLine())
                    .put("object", object.path("object").asText()).put("id", object.path("id").asText());
            if (object.hasNonNull("status")) {
                step.put("status", object.get("status").asText());
            }
        }

        ObjectNode closed(String reason) {
            return root.put("open", false).put("closed_reason", reason);
        }

        ObjectNode standing(String reason, StripeReview review) {
            ObjectNode standing = root.put("open", false).put("closed_reason", reason);
            if (review != null) {
                standing.put("standing_action", ReviewReader.actionFor(reason == null ? "closed" : reason).value());
            }
            return standing;
        }

        ObjectNode note(String note) {
            return note == null ? root : root.put("note", note);
        }

        @Override
        public String toString() {
            return root.toString();
        }
    }
}
