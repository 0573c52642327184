package io.gatehouse.views.executive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Which countries a region label covers on the world map ({@code region-countries.properties});
 * a region not listed there shows in the table only.
 */
final class RegionCountries {
    private static final Properties MAP = load();

    private RegionCountries() {
    }

    static List<String> of(String region) {
        String list = MAP.getProperty(region.toLowerCase(Locale.ROOT).replace('-', '_'));
        return list == null ? List.of() : Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
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
