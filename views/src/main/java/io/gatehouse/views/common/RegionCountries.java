package io.gatehouse.views.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Which countries a region label covers on the world map ({@code region-countries.properties});
 * a region not listed there shows in tables only. Shared by the dashboards and the executive view,
 * so both maps colour the same countries for a region.
 */
public final class RegionCountries {
    private static final Properties MAP = load();

    private RegionCountries() {
    }

    /** ISO 3166-1 alpha-2 codes of the region's countries, or none when the label is not listed. */
    public static List<String> of(String region) {
        String list = MAP.getProperty(region.toLowerCase(Locale.ROOT).replace('-', '_'));
        return list == null ? List.of() : Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The ISO 4217 currencies of the region's countries, sorted, each once. */
    public static List<String> currencies(String region) {
        TreeSet<String> out = new TreeSet<>();
        for (String country : of(region)) {
            try {
                Currency c = Currency.getInstance(Locale.of("", country));
                if (c != null) {
                    out.add(c.getCurrencyCode());
                }
            } catch (IllegalArgumentException unknown) {
                // a code the JDK has no currency for: the country still shows on the map
            }
        }
        return List.copyOf(out);
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = RegionCountries.class.getResourceAsStream("region-countries.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
