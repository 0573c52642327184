package io.gatehouse.connectors.sandbox.world;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The fraud rings working each region. Fraudsters reuse what they have: a ring's orders share a few
 * devices, BINs, card fingerprints, emails and IPs, which is what makes fraud cluster and legitimate
 * orders (drawn fresh each time) mostly not.
 */
public final class FraudRings {
    /** Rings per region; small enough that shared identifiers recur within hours. */
    public static final int RINGS_PER_REGION = 8;

    /** One ring's reusable identifiers. */
    public record Ring(String name, List<String> bins, List<String> cardFingerprints, List<String> devices,
                       List<String> emails, List<String> ips) {
    }

    private final Map<Region, List<Ring>> rings = new EnumMap<>(Region.class);

    public FraudRings(long seed) {
        for (Region region : Region.values()) {
            Draws d = Draws.forStep(seed, -1, region.ordinal());
            List<Ring> list = new ArrayList<>();
            for (int i = 0; i < RINGS_PER_REGION; i++) {
                list.add(new Ring(region.wireName() + "-ring-" + i,
                        repeat(2, () -> bin(d)),
                        repeat(5, () -> "fp_" + d.hex(8)),
                        repeat(3, () -> "dev_" + d.hex(8)),
                        repeat(4, () -> "u" + d.hex(3) + "@" + d.pick(List.of("mailbox.test", "quickmail.test",
                                "tempinbox.test"))),
                        repeat(3, d::ipv4)));
            }
            rings.put(region, List.copyOf(list));
        }
    }

    public Ring pick(Draws d, Region region) {
        return d.pick(rings.get(region));
    }

    /** A BIN: the first digit follows the card scheme mix (4 Visa, 5 Mastercard, 3 Amex/JCB). */
    public static String bin(Draws d) {
        String first = d.weighted(List.of("4", "5", "3"), s -> switch (s) {
            case "4" -> 0.55;
            case "5" -> 0.35;
            default -> 0.10;
        });
        return first + String.format("%05d", d.between(0, 100_000));
    }

    public static String brand(String bin) {
        return switch (bin.charAt(0)) {
            case '4' -> "visa";
            case '5' -> "mastercard";
            default -> bin.charAt(1) < '5' ? "amex" : "jcb";
        };
    }

    private static List<String> repeat(int n, java.util.function.Supplier<String> s) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(s.get());
        }
        return List.copyOf(out);
    }
}
