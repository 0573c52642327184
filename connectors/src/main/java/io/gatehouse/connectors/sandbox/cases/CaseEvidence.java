package io.gatehouse.connectors.sandbox.cases;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.gatehouse.connectors.sandbox.world.PaymentRail;
import io.gatehouse.connectors.sandbox.world.Region;
import java.time.Instant;
import java.util.List;

/** What the checkout knew about a flagged order when it was flagged; immutable. */
public record CaseEvidence(String orderId, Merchant merchant, Region region, PaymentRail rail, long amount,
                           String currency, Risk risk, PaymentChecks paymentChecks, Card card, Geo geo,
                           Device device, Session session, Velocity velocity, Customer customer,
                           List<LinkedOrder> linkedOrders) {

    /** The merchant that took the order. */
    public record Merchant(String id, String name) {
    }

    /** Risk score 0–100, its level (normal, elevated, highest) and the rules that fired. */
    public record Risk(int score, String level, List<String> rules) {
    }

    /** AVS, CVC and 3-D Secure results with Stripe's value names; "unchecked" on push-payment rails. */
    public record PaymentChecks(String addressLine1Check, String addressPostalCodeCheck, String cvcCheck,
                                @JsonProperty("three_d_secure") String threeDSecure) {
    }

    /** The card, present for card and wallet rails only. */
    public record Card(String fingerprint, String bin, String brand, String last4, String issuingCountry) {
    }

    /** IP geolocation and the countries of the billing and shipping addresses. */
    public record Geo(String ip, String ipCountry, String billingCountry, String shippingCountry) {
    }

    /** The device and when it was first seen on this merchant. */
    public record Device(String id, Instant firstSeen, String userAgent) {
    }

    /** The checkout session and the id of the session token it presented. */
    public record Session(String id, String tokenId, long ageSeconds) {
    }

    /** Velocity counters over their usual windows. */
    public record Velocity(int ordersPerCard1h, int cardsPerDevice24h, int ordersPerEmail24h, int attemptsPerIp1h) {
    }

    /** The customer's history with this merchant. */
    public record Customer(String id, String email, int accountAgeDays, int priorOrders, int priorDeclines,
                           int priorDisputes) {
    }

    /** Another order sharing a card fingerprint, device or email with this one. */
    public record LinkedOrder(String orderId, String via, Instant created) {
    }
}
