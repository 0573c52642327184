package io.gatehouse.connectors.telemetry;

import java.util.List;

/**
 * A successful Prometheus answer: the result type ({@code vector}, {@code matrix} or
 * {@code scalar}), its series, and the warnings Prometheus attached (partial data, for example),
 * which a view shows rather than hides.
 */
public record PromResult(String resultType, List<PromSeries> series, List<String> warnings) {
    public PromResult {
        series = List.copyOf(series);
        warnings = List.copyOf(warnings);
    }
}
