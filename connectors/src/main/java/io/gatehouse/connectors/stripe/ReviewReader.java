package io.gatehouse.connectors.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.data.review.CaseDecision;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.Money;
import io.gatehouse.data.review.ReviewCase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps a Stripe {@code review}, with its charge and PaymentIntent expanded, to the desk's case.
 * Only the card's brand, last four digits and issuing country are kept. Stripe's enums (reason,
 * closed reason, risk level, check results) are kept as sent, known or not.
 */
final class ReviewReader {
    /** Closed reasons that mean the payment was refused: the money is back or was never taken. */
    static final Set<String> REFUSED = Set.of("refunded", "refunded_as_fraud", "canceled");
    private static final long MAX_AMOUNT = 99_999_999_999L;

    private final StripeJson json;

    ReviewReader(StripeJson json) {
        this.json = json;
    }

    StripeReview review(JsonNode node) {
        if (!node.isObject()) {
            throw json.malformed("sent a review that is not an object");
        }
        String object = json.text(node, "object");
        if (!object.equals("review")) {
            throw json.malformed("sent a '" + StripeError.shown(object) + "' where a 'review' was expected");
        }
        String id = json.text(node, "id");
        Instant created = Instant.ofEpochSecond(json.integer(node, "created", 0, 253_402_300_799L));
        boolean open = json.bool(node, "open");
        json.bool(node, "livemode");
        json.text(node, "opened_reason");
        String reason = json.text(node, "reason");
        String closedReason = json.optionalText(node, "closed_reason");
        JsonNode charge = json.expanded(node, "charge", "charge");
        JsonNode intent = json.expanded(node, "payment_intent", "payment_intent");
        String chargeId = json.idOf(node, "charge");
        String intentId = json.idOf(node, "payment_intent");
        if (charge == null && intent == null) {
            throw json.malformed("sent review " + StripeError.shown(id) + " without its charge or PaymentIntent"
                    + " expanded, so its amount is unknown");
        }

        JsonNode card = card(charge);
        JsonNode outcome = json.optionalObject(charge, "outcome");
        ReviewCase.Risk risk = risk(outcome);
        ReviewCase.PaymentChecks checks = card == null ? null : checks(card);
        ReviewCase.Card cardEvidence = card == null ? null : new ReviewCase.Card(null, null,
                json.optionalText(card, "brand"), json.optionalText(card, "last4"), json.optionalText(card, "country"));
        JsonNode location = json.optionalObject(node, "ip_address_location");
        String ip = json.optionalText(node, "ip_address");
        ReviewCase.Geo geo = new ReviewCase.Geo(ip, json.optionalText(location, "country"), billingCountry(charge),
                shippingCountry(charge != null ? charge : intent));
        ReviewCase.Device device = device(json.optionalObject(node, "session"));
        Money amount = amount(charge != null ? charge : intent);
        String rail = rail(charge);

        CaseStatus status = open ? CaseStatus.REVIEW : CaseStatus.DECIDED;
        List<CaseDecision> decisions = new ArrayList<>();
        if (!open) {
            String why = closedReason != null ? closedReason : reason;
            decisions.add(new CaseDecision(id + "-closed", id, actionFor(why), "Closed in Stripe: " + why, "stripe",
                    null, List.of(), null, null));
        }
        ReviewCase asCase = new ReviewCase(id, status, created, created, orderId(charge, intent, chargeId, intentId),
                null, null, rail, amount, risk, checks, cardEvidence, geo, device, null, null, null, List.of(),
                false, false, null, decisions.isEmpty() ? null : decisions.getFirst(), decisions, 0, List.of());

        Map<String, String> blockable = new HashMap<>();
        if (card != null) {
            putIfPresent(blockable, "card_fingerprint", json.optionalText(card, "fingerprint"));
        }
        putIfPresent(blockable, "email", email(charge, intent));
        putIfPresent(blockable, "customer", charge != null ? json.idOf(charge, "customer") : json.idOf(intent, "customer"));
        putIfPresent(blockable, "ip_address", ip);
        return new StripeReview(asCase, open, closedReason, chargeId,
                charge == null ? null : json.bool(charge, "captured"), intentId,
                intent == null ? null : json.text(intent, "status"), blockable);
    }

    /** The desk's action for a Stripe closed reason; a reason this console does not know is kept as the action. */
    static DecisionAction actionFor(String closedReason) {
        if ("approved".equals(closedReason)) {
            return DecisionAction.APPROVE;
        }
        if (REFUSED.contains(closedReason)) {
            return DecisionAction.DECLINE;
        }
        return new DecisionAction(closedReason);
    }

    private JsonNode card(JsonNode charge) {
        JsonNode details = json.optionalObject(charge, "payment_method_details");
        return json.optionalObject(details, "card");
    }

    private String rail(JsonNode charge) {
        JsonNode details = json.optionalObject(charge, "payment_method_details");
        return details == null ? null : json.optionalText(details, "type");
    }

    private ReviewCase.Risk risk(JsonNode outcome) {
        if (outcome == null) {
            return new ReviewCase.Risk(0, "not_assessed", List.of());
        }
        Long score = json.optionalInteger(outcome, "risk_score", 0, 100);
        String level = json.optionalText(outcome, "risk_level");
        // an expanded rule says what it tests, which tells an analyst more than its id
        JsonNode expandedRule = outcome.path("rule").isObject() ? outcome.get("rule") : null;
        String predicate = json.optionalText(expandedRule, "predicate");
        String rule = predicate != null && !predicate.isBlank() ? predicate : json.idOf(outcome, "rule");
        return new ReviewCase.Risk(score == null ? 0 : score.intValue(), level == null ? "not_assessed" : level,
                rule == null ? List.of() : List.of(rule));
    }

    private ReviewCase.PaymentChecks checks(JsonNode card) {
        JsonNode checks = json.optionalObject(card, "checks");
        JsonNode threeDs = json.optionalObject(card, "three_d_secure");
        return new ReviewCase.PaymentChecks(json.optionalText(checks, "address_line1_check"),
                json.optionalText(checks, "address_postal_code_check"), json.optionalText(checks, "cvc_check"),
                json.optionalText(threeDs, "result"));
    }

    private String billingCountry(JsonNode charge) {
        JsonNode billing = json.optionalObject(charge, "billing_details");
        return json.optionalText(json.optionalObject(billing, "address"), "country");
    }

    private String shippingCountry(JsonNode owner) {
        JsonNode shipping = json.optionalObject(owner, "shipping");
        return json.optionalText(json.optionalObject(shipping, "address"), "country");
    }

    private ReviewCase.Device device(JsonNode session) {
        if (session == null) {
            return null;
        }
        StringBuilder agent = new StringBuilder();
        append(agent, json.optionalText(session, "browser"), "");
        append(agent, json.optionalText(session, "version"), " ");
        append(agent, json.optionalText(session, "platform"), " on ");
        append(agent, json.optionalText(session, "device"), ", ");
        return agent.isEmpty() ? null : new ReviewCase.Device(null, null, agent.toString());
    }

    private static void append(StringBuilder out, String part, String separator) {
        if (part != null && !part.isBlank()) {
            out.append(out.isEmpty() ? "" : separator).append(part);
        }
    }

    private Money amount(JsonNode owner) {
        long minor = json.integer(owner, "amount", 0, MAX_AMOUNT);
        String currency = json.text(owner, "currency");
        if (!currency.matches("[a-zA-Z]{3}")) {
            throw json.malformed("sent the currency '" + StripeError.shown(currency) + "', which is not an ISO 4217 code");
        }
        return new Money(minor, currency.toUpperCase(Locale.ROOT));
    }

    private String orderId(JsonNode charge, JsonNode intent, String chargeId, String intentId) {
        for (JsonNode owner : new JsonNode[] {charge, intent}) {
            JsonNode metadata = json.optionalObject(owner, "metadata");
            String order = metadata == null ? null : metadata.path("order_id").isTextual()
                    ? metadata.get("order_id").textValue() : null;
            if (order != null && !order.isBlank()) {
                return order;
            }
        }
        return intentId != null ? intentId : chargeId;
    }

    private String email(JsonNode charge, JsonNode intent) {
        JsonNode billing = json.optionalObject(charge, "billing_details");
        String email = json.optionalText(billing, "email");
        if (email == null) {
            email = json.optionalText(charge, "receipt_email");
        }
        return email != null ? email : json.optionalText(intent, "receipt_email");
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
