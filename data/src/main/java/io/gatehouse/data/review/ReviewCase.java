package io.gatehouse.data.review;

import java.time.Instant;
import java.util.List;

/**
 * A flagged order or automated decline with the evidence an analyst decides on. Region, rail,
 * risk level and check results are upstream enums that may grow, so they stay the strings sent.
 */
public record ReviewCase(String id, CaseStatus status, Instant created, Instant updated, String orderId,
        Merchant merchant, String region, String rail, Money amount, Risk risk, PaymentChecks paymentChecks,
        Card card, Geo geo, Device device, Session session, Velocity velocity, Customer customer,
        List<LinkedOrder> linkedOrders, boolean held, boolean escalated, String assignee, CaseDecision decision,
        List<CaseDecision> decisions, int notesCount, List<Outcome> outcomes) {

    public ReviewCase {
        linkedOrders = List.copyOf(linkedOrders);
        decisions = List.copyOf(decisions);
        outcomes = List.copyOf(outcomes);
    }

    /** The merchant that took the order. */
    public record Merchant(String id, String name) {
    }

    /** Score 0 to 100, its level and the rules that fired. */
    public record Risk(int score, String level, List<String> rules) {
        public Risk {
            rules = List.copyOf(rules);
        }
    }

    /** AVS, CVC and 3-D Secure results. */
    public record PaymentChecks(String addressLine1, String addressPostalCode, String cvc, String threeDSecure) {
    }

    /** The card; absent on rails without one. */
    public record Card(String fingerprint, String bin, String brand, String last4, String issuingCountry) {
    }

    /** Where the IP, the billing and shipping addresses and (through the card) the issuer are. */
    public record Geo(String ip, String ipCountry, String billingCountry, String shippingCountry) {
    }

    /** The device and when the merchant first saw it. */
    public record Device(String id, Instant firstSeen, String userAgent) {
    }

    /** The checkout session. */
    public record Session(String id, String tokenId, long ageSeconds) {
    }

    /** Velocity counters over their usual windows. */
    public record Velocity(int ordersPerCard1h, int cardsPerDevice24h, int ordersPerEmail24h, int attemptsPerIp1h) {
    }

    /** The customer's history with the merchant. */
    public record Customer(String id, String email, int accountAgeDays, int priorOrders, int priorDeclines,
            int priorDisputes) {
    }

    /** An earlier order sharing a card, device or email with this one. */
    public record LinkedOrder(String orderId, String via, Instant created) {
    }

    /** What happened later: a chargeback, a dispute, an issuer report, a verified customer. */
    public record Outcome(String id, String type, String reason, Money amount, Instant created) {
    }
}
