package io.gatehouse.data.telemetry;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The PromQL for each KPI: the defaults, or the configuration's own expressions, with the region
 * label name and the rate window filled in.
 */
public final class KpiQueries {
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final String regionLabel;
    private final Duration window;
    private final Map<Kpi, String> templates;

    /**
     * @param overrides per-KPI templates from the configuration; a KPI not named keeps its default
     * @throws IllegalArgumentException for a region label that is not a Prometheus label name
     */
    public KpiQueries(String regionLabel, Duration window, Map<Kpi, String> overrides) {
        if (regionLabel == null || !LABEL_NAME.matcher(regionLabel).matches() || regionLabel.startsWith("__")) {
            throw new IllegalArgumentException("the region label must be a Prometheus label name, got '" + regionLabel + "'");
        }
        if (window.toMillis() < 1000 || window.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("the rate window must be a whole number of seconds, at least 1 s");
        }
        this.regionLabel = regionLabel;
        this.window = window;
        this.templates = new EnumMap<>(Kpi.class);
        for (Kpi kpi : Kpi.values()) {
            templates.put(kpi, Objects.requireNonNullElse(overrides.get(kpi), kpi.defaultTemplate()));
        }
    }

    /** Label {@code region}, a 5-minute window, the default expressions. */
    public static KpiQueries defaults() {
        return new KpiQueries("region", Duration.ofMinutes(5), Map.of());
    }

    public String regionLabel() {
        return regionLabel;
    }

    public Duration window() {
        return window;
    }

    /** The expression to send for {@code kpi}. */
    public String expression(Kpi kpi) {
        return templates.get(kpi).replace("$region", regionLabel).replace("$window", window.toSeconds() + "s");
    }
}
