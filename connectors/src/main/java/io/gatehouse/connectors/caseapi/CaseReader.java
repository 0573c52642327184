package io.gatehouse.connectors.caseapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.data.review.AllowlistEntry;
import io.gatehouse.data.review.ApprovalStatus;
import io.gatehouse.data.review.CaseClaim;
import io.gatehouse.data.review.CaseDecision;
import io.gatehouse.data.review.CaseNote;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.CustomerNotification;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.Money;
import io.gatehouse.data.review.PendingApproval;
import io.gatehouse.data.review.ReviewCase;

/** Turns Case API objects into the desk's records, checking the contract's required fields and types. */
final class CaseReader {
    private final StrictJson json;

    CaseReader(StrictJson json) {
        this.json = json;
    }

    ReviewCase reviewCase(JsonNode n) {
        json.asObject(n, "case");
        JsonNode merchant = json.object(n, "merchant");
        JsonNode risk = json.object(n, "risk");
        JsonNode checks = json.object(n, "payment_checks");
        JsonNode card = json.optionalObject(n, "card");
        JsonNode geo = json.object(n, "geo");
        JsonNode device = json.object(n, "device");
        JsonNode session = json.object(n, "session");
        JsonNode velocity = json.object(n, "velocity");
        JsonNode customer = json.object(n, "customer");
        JsonNode standing = json.optionalObject(n, "decision");
        return new ReviewCase(json.text(n, "id"), new CaseStatus(json.text(n, "status")), json.instant(n, "created"),
                json.instant(n, "updated"), json.text(n, "order_id"),
                new ReviewCase.Merchant(json.text(merchant, "id"), json.text(merchant, "name")),
                json.text(n, "region"), json.text(n, "rail"), money(n),
                new ReviewCase.Risk((int) json.integer(risk, "score", 0, 100), json.text(risk, "level"),
                        json.texts(risk, "rules")),
                new ReviewCase.PaymentChecks(json.text(checks, "address_line1_check"),
                        json.text(checks, "address_postal_code_check"), json.text(checks, "cvc_check"),
                        json.text(checks, "three_d_secure")),
                card == null ? null : new ReviewCase.Card(json.text(card, "fingerprint"), json.text(card, "bin"),
                        json.text(card, "brand"), json.text(card, "last4"), json.text(card, "issuing_country")),
                new ReviewCase.Geo(json.text(geo, "ip"), json.text(geo, "ip_country"), json.text(geo, "billing_country"),
                        json.text(geo, "shipping_country")),
                new ReviewCase.Device(json.text(device, "id"), json.instant(device, "first_seen"),
                        json.text(device, "user_agent")),
                new ReviewCase.Session(json.text(session, "id"), json.text(session, "token_id"),
                        json.integer(session, "age_seconds", 0, Long.MAX_VALUE)),
                new ReviewCase.Velocity(json.count(velocity, "orders_per_card1h"),
                        json.count(velocity, "cards_per_device24h"), json.count(velocity, "orders_per_email24h"),
                        json.count(velocity, "attempts_per_ip1h")),
                new ReviewCase.Customer(json.text(customer, "id"), json.text(customer, "email"),
                        json.count(customer, "account_age_days"), json.count(customer, "prior_orders"),
                        json.count(customer, "prior_declines"), json.count(customer, "prior_disputes")),
                json.list(n, "linked_orders", o -> new ReviewCase.LinkedOrder(json.text(json.asObject(o, "linked_orders[]"),
                        "order_id"), json.text(o, "via"), json.instant(o, "created"))),
                json.bool(n, "held"), json.bool(n, "escalated"), json.optionalText(n, "assignee"),
                standing == null ? null : decision(standing),
                json.list(n, "decisions", this::decision),
                json.count(n, "notes_count"),
                json.list(n, "outcomes", o -> new ReviewCase.Outcome(json.text(json.asObject(o, "outcomes[]"), "id"),
                        json.text(o, "type"), json.text(o, "reason"), money(o), json.instant(o, "created"))));
    }

    CaseDecision decision(JsonNode n) {
        json.asObject(n, "decision");
        JsonNode notify = json.optionalObject(n, "notification");
        return new CaseDecision(json.text(n, "id"), json.text(n, "case_id"), new DecisionAction(json.text(n, "action")),
                json.text(n, "reason"), json.text(n, "analyst"), json.instant(n, "created"),
                json.list(n, "allowlist", e -> new AllowlistEntry(json.text(json.asObject(e, "allowlist[]"), "type"),
                        json.text(e, "value"))),
                notify == null ? null : new CustomerNotification(json.text(notify, "channel"),
                        json.optionalText(notify, "message")),
                json.optionalText(n, "undoes"));
    }

    CaseClaim claim(JsonNode n) {
        return new CaseClaim(json.text(n, "case_id"), json.text(n, "holder"), json.text(n, "etag"),
                json.instant(n, "claimed_at"), json.instant(n, "expires_at"));
    }

    CaseNote note(JsonNode n) {
        json.asObject(n, "note");
        return new CaseNote(json.text(n, "id"), json.text(n, "case_id"), json.text(n, "author"), json.text(n, "body"),
                json.instant(n, "created"));
    }

    PendingApproval approval(JsonNode n) {
        json.asObject(n, "approval");
        JsonNode payload = json.optionalObject(n, "payload");
        return new PendingApproval(json.text(n, "id"), json.text(n, "kind"), json.optionalText(n, "case_id"),
                json.text(n, "summary"), payload == null ? null : payload.toString(), json.text(n, "maker"),
                json.instant(n, "created"), new ApprovalStatus(json.text(n, "status")), json.optionalText(n, "checker"),
                json.optionalText(n, "resolution_reason"), json.optionalInstant(n, "resolved"));
    }

    private Money money(JsonNode n) {
        long amount = json.integer(n, "amount", 0, Long.MAX_VALUE);
        String currency = json.text(n, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw json.malformed("sent a currency that is not an upper-case ISO 4217 code");
        }
        return new Money(amount, currency);
    }
}
