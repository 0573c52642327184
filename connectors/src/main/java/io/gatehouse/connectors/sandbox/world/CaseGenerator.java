package io.gatehouse.connectors.sandbox.world;

import io.gatehouse.connectors.sandbox.cases.CaseEvidence;
import io.gatehouse.connectors.sandbox.cases.CaseEvidence.Card;
import io.gatehouse.connectors.sandbox.cases.CaseEvidence.Customer;
import io.gatehouse.connectors.sandbox.cases.CaseEvidence.Device;
import io.gatehouse.connectors.sandbox.cases.CaseEvidence.Geo;
import io.gatehouse.connectors.sandbox.cases.CaseEvidence.PaymentChecks;
import io.gatehouse.connectors.sandbox.cases.CaseEvidence.Risk;
import io.gatehouse.connectors.sandbox.cases.CaseEvidence.Session;
import io.gatehouse.connectors.sandbox.cases.CaseEvidence.Velocity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Draws a flagged order's evidence from the distributions documented in docs/sandbox.md. */
public final class CaseGenerator {
    /** Scores at or above this go to review; below it the order passes unflagged. */
    public static final int REVIEW_THRESHOLD = 65;
    /** Scores at or above this are declined by the rules without review. */
    public static final int DECLINE_THRESHOLD = 85;

    private static final List<String> MERCHANTS = List.of("Northwind Outfitters", "Lumen Audio", "Kiso Tea House",
            "Atlas Sneakers", "Verde Home", "Pixel Forge Games");
    private static final List<String> EMAIL_DOMAINS = List.of("mail.test", "inbox.test", "post.test");
    private static final List<String> USER_AGENTS = List.of("chrome-desktop", "safari-ios", "chrome-android",
            "firefox-desktop", "edge-desktop", "app-ios", "app-android");
    private static final List<String> ALL_COUNTRIES = Region.valuesCountries();

    private final FraudRings rings;
    private final LinkIndex links = new LinkIndex();

    public CaseGenerator(FraudRings rings) {
        this.rings = rings;
    }

    /** Legitimate scores: exponential with mean 14. About 1% pass the review threshold. */
    public static int legitimateRisk(Draws d) {
        return (int) Math.min(100, Math.floor(d.exponential(14)));
    }

    /** Fraud scores: 100 minus an exponential with mean 18. About 14% slip under the review threshold. */
    public static int fraudRisk(Draws d) {
        return (int) Math.max(0, 100 - Math.floor(d.exponential(18)));
    }

    public static String level(int score) {
        return score >= DECLINE_THRESHOLD ? "highest" : score >= REVIEW_THRESHOLD ? "elevated" : "normal";
    }

    public PaymentRail rail(Draws d, Region region) {
        return d.weighted(region.rails(), Region.RailShare::share).rail();
    }

    public CaseEvidence evidence(Draws d, Region region, PaymentRail rail, Instant at, boolean fraud, int score,
                                 OrderTweaks t) {
        Region.Market market = d.weighted(region.markets(), Region.Market::share);
        String country = market.country();
        int digits = Math.max(0, Currency.getInstance(market.currency()).getDefaultFractionDigits());
        double major = t.amountFactor() != null ? market.medianMajor() * t.amountFactor()
                : d.logNormal(market.medianMajor() * (fraud ? 1.8 : 1.0), 0.9);
        long amount = Math.max(1, Math.round(major * Math.pow(10, digits)));
        FraudRings.Ring ring = fraud ? rings.pick(d, region) : null;

        Card card = null;
        PaymentChecks checks = new PaymentChecks("unchecked", "unchecked", "unchecked", "not_supported");
        if (rail.cardBased()) {
            String bin = t.bin() != null ? t.bin() : ring != null && d.chance(0.6) ? d.pick(ring.bins()) : FraudRings.bin(d);
            String fingerprint = ring != null && d.chance(0.7) ? d.pick(ring.cardFingerprints()) : "fp_" + d.hex(8);
            String issuing = fraud && d.chance(0.5) ? d.pick(ALL_COUNTRIES) : country;
            card = new Card(fingerprint, bin, FraudRings.brand(bin), String.format("%04d", d.between(0, 10_000)), issuing);
            double cvcFail = t.cvcFailure() != null ? t.cvcFailure() : fraud ? 0.35 : 0.02;
            double avsFail = t.avsFailure() != null ? t.avsFailure() : fraud ? 0.45 : 0.06;
            checks = new PaymentChecks(d.chance(avsFail) ? "fail" : "pass", d.chance(avsFail) ? "fail" : "pass",
                    d.chance(cvcFail) ? "fail" : "pass", threeDs(d, fraud));
        }
        String ip = t.ip() != null ? t.ip() : ring != null && d.chance(0.6) ? d.pick(ring.ips()) : d.ipv4();
        Geo geo = new Geo(ip, fraud && d.chance(0.55) ? d.pick(ALL_COUNTRIES) : country,
                fraud && d.chance(0.2) ? d.pick(ALL_COUNTRIES) : country,
                (fraud && d.chance(0.45)) || d.chance(0.03) || t.newDeviceOnExistingAccount() ? d.pick(ALL_COUNTRIES) : country);

        boolean takeover = t.newDeviceOnExistingAccount();
        String deviceId = ring != null && !takeover && d.chance(0.7) ? d.pick(ring.devices()) : "dev_" + d.hex(8);
        Instant firstSeen = takeover ? at : at.minus(Duration.ofMinutes((long) d.exponential(fraud ? 120 : 288_000)));
        Device device = new Device(deviceId, firstSeen, d.pick(USER_AGENTS));
        Session session = new Session("sess_" + d.hex(8), t.tokenId() != null ? t.tokenId() : "tok_" + d.hex(8),
                (long) d.exponential(fraud || takeover ? 90 : 900));

        String email = ring != null && !takeover && d.chance(0.7) ? d.pick(ring.emails())
                : "c" + d.hex(6) + "@" + d.pick(EMAIL_DOMAINS);
        Customer customer;
        if (fraud && !takeover) {
            customer = new Customer("cus_" + d.hex(6), email, d.between(0, 3), d.poisson(0.3), d.poisson(0.5), 0);
        } else {
            int ageDays = takeover ? 300 + (int) d.exponential(500) : (int) d.exponential(400);
            customer = new Customer("cus_" + d.hex(6), email, ageDays, d.poisson(Math.min(60, ageDays / 30.0) + (takeover ? 5 : 0)),
                    d.poisson(0.2), d.chance(0.03) ? 1 : 0);
        }

        Map<String, String> ids = new LinkedHashMap<>();
        if (card != null) {
            ids.put("card_fingerprint", card.fingerprint());
        }
        ids.put("device", deviceId);
        ids.put("email", email);
        String orderId = "ord_" + d.hex(8);
        Velocity velocity = new Velocity(
                card == null ? 0 : 1 + links.countWithin("card_fingerprint", card.fingerprint(), at, Duration.ofHours(1)),
                1 + links.countWithin("device", deviceId, at, Duration.ofHours(24)),
                1 + links.countWithin("email", email, at, Duration.ofHours(24)),
                t.attemptsPerIp1h() != null ? t.attemptsPerIp1h() : 1 + d.poisson(fraud ? 3 : 0.3));
        var linked = links.linked(ids, 5);
        links.record(ids, orderId, at);

        List<String> rules = rules(score, checks, geo, card, device, velocity, at, t);
        int merchant = d.between(0, MERCHANTS.size());
        return new CaseEvidence(orderId, new CaseEvidence.Merchant("acct_" + region.wireName() + "_" + merchant,
                MERCHANTS.get(merchant)), region, rail, amount, market.currency(),
                new Risk(score, level(score), rules), checks, card, geo, device, session, velocity, customer, linked);
    }

    private static String threeDs(Draws d, boolean fraud) {
        List<String> outcomes = List.of("authenticated", "attempted", "failed", "not_supported", "none");
        double[] weights = fraud ? new double[] {0.05, 0.30, 0.15, 0.15, 0.35} : new double[] {0.60, 0.15, 0.01, 0.09, 0.15};
        return d.weighted(outcomes, o -> weights[outcomes.indexOf(o)]);
    }

    private static List<String> rules(int score, PaymentChecks checks, Geo geo, Card card, Device device,
                                      Velocity v, Instant at, OrderTweaks t) {
        List<String> rules = new ArrayList<>();
        rules.add(score >= DECLINE_THRESHOLD ? "risk_score_highest" : "risk_score_elevated");
        if ("fail".equals(checks.cvcCheck())) {
            rules.add("cvc_check_failed");
        }
        if ("fail".equals(checks.addressPostalCodeCheck()) || "fail".equals(checks.addressLine1Check())) {
            rules.add("avs_mismatch");
        }
        if ("failed".equals(checks.threeDSecure())) {
            rules.add("three_d_secure_failed");
        }
        if (!geo.ipCountry().equals(geo.billingCountry()) || (card != null && !card.issuingCountry().equals(geo.billingCountry()))) {
            rules.add("country_mismatch");
        }
        if (v.cardsPerDevice24h() > 2 || v.ordersPerCard1h() > 2 || v.ordersPerEmail24h() > 3) {
            rules.add("high_velocity");
        }
        if (Duration.between(device.firstSeen(), at).toHours() < 24) {
            rules.add("new_device");
        }
        rules.addAll(t.extraRules());
        return List.copyOf(rules);
    }
}
