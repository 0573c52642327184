package io.gatehouse.connectors.sandbox.world;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A simulated market: its time zone, countries, currencies, payment rails and order volume. */
public enum Region {
    NORTH_AMERICA("north_america", "America/New_York", 40.0, 0.012,
            List.of(new Market("US", "USD", 0.85, 60), new Market("CA", "CAD", 0.15, 80)),
            List.of(new RailShare(PaymentRail.CARD, 0.72), new RailShare(PaymentRail.WALLET, 0.25),
                    new RailShare(PaymentRail.BANK_TRANSFER, 0.03))),
    EU("eu", "Europe/Berlin", 35.0, 0.009,
            List.of(new Market("DE", "EUR", 0.45, 55), new Market("FR", "EUR", 0.35, 55),
                    new Market("NL", "EUR", 0.20, 50)),
            List.of(new RailShare(PaymentRail.CARD, 0.55), new RailShare(PaymentRail.WALLET, 0.25),
                    new RailShare(PaymentRail.BANK_TRANSFER, 0.20))),
    UK("uk", "Europe/London", 15.0, 0.010,
            List.of(new Market("GB", "GBP", 1.0, 45)),
            List.of(new RailShare(PaymentRail.CARD, 0.70), new RailShare(PaymentRail.WALLET, 0.25),
                    new RailShare(PaymentRail.BANK_TRANSFER, 0.05))),
    INDIA("india", "Asia/Kolkata", 30.0, 0.014,
            List.of(new Market("IN", "INR", 1.0, 2_500)),
            List.of(new RailShare(PaymentRail.UPI, 0.65), new RailShare(PaymentRail.CARD, 0.25),
                    new RailShare(PaymentRail.WALLET, 0.10))),
    JAPAN_KOREA("japan_korea", "Asia/Tokyo", 20.0, 0.007,
            List.of(new Market("JP", "JPY", 0.6, 8_000), new Market("KR", "KRW", 0.4, 70_000)),
            List.of(new RailShare(PaymentRail.CARD, 0.60), new RailShare(PaymentRail.WALLET, 0.30),
                    new RailShare(PaymentRail.KONBINI, 0.10))),
    BRAZIL_LATAM("brazil_latam", "America/Sao_Paulo", 20.0, 0.022,
            List.of(new Market("BR", "BRL", 0.7, 250), new Market("MX", "MXN", 0.3, 1_000)),
            List.of(new RailShare(PaymentRail.PIX, 0.50), new RailShare(PaymentRail.CARD, 0.40),
                    new RailShare(PaymentRail.BANK_TRANSFER, 0.10)));

    /** A country in the region, its currency, its share of orders and its median basket in major units. */
    public record Market(String country, String currency, double share, double medianMajor) {
    }

    /** A rail and its share of the region's orders. */
    public record RailShare(PaymentRail rail, double share) {
    }

    private final String wireName;
    private final ZoneId zone;
    private final double peakOrdersPerMinute;
    private final double fraudRate;
    private final List<Market> markets;
    private final List<RailShare> rails;

    Region(String wireName, String zone, double peakOrdersPerMinute, double fraudRate, List<Market> markets,
           List<RailShare> rails) {
        this.wireName = wireName;
        this.zone = ZoneId.of(zone);
        this.peakOrdersPerMinute = peakOrdersPerMinute;
        this.fraudRate = fraudRate;
        this.markets = markets;
        this.rails = rails;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public ZoneId zone() {
        return zone;
    }

    public double fraudRate() {
        return fraudRate;
    }

    public List<Market> markets() {
        return markets;
    }

    public List<RailShare> rails() {
        return rails;
    }

    /**
     * Expected orders per simulated minute at this instant. Shoppers follow the local clock: the rate
     * peaks at 20:00 local time and falls to a tenth of the peak at 08:00 (a raised cosine).
     */
    public double ordersPerMinute(Instant at) {
        double hour = at.atZone(zone).getHour() + at.atZone(zone).getMinute() / 60.0;
        double phase = Math.cos(2 * Math.PI * (hour - 20.0) / 24.0);
        return peakOrdersPerMinute * (0.1 + 0.9 * (1 + phase) / 2);
    }

    /** Every country the world knows, in a fixed order, for drawing foreign countries. */
    public static List<String> valuesCountries() {
        return java.util.Arrays.stream(values()).flatMap(r -> r.markets.stream()).map(Market::country).toList();
    }

    public static Optional<Region> fromWireName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Region r : values()) {
            if (r.wireName.equals(lower)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
