package io.gatehouse.bench;

import io.gatehouse.connectors.telemetry.exposition.ExpositionLimits;
import io.gatehouse.connectors.telemetry.exposition.ExpositionParser;
import io.gatehouse.connectors.telemetry.exposition.ExpositionSample;
import io.gatehouse.data.telemetry.HubLimits;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.SeriesKey;
import io.gatehouse.data.telemetry.TelemetryHub;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ingest path measured end to end: a scrape's exposition text through the strict parser, each
 * sample mapped to its hub series (a cached lookup by name and labels, built on first sight) and
 * stored in the hub. One call is one scrape of {@link ExpositionParseBenchmark#TEXT}, 600 samples,
 * so the rate compares directly with the parser's alone. Not thread-safe: one ingesting thread.
 */
final class ScrapeIngest {
    /** The default hub, with room for the scrape's 45 latency buckets per region. */
    static final HubLimits LIMITS = new HubLimits(1024, 64, 720, 2016, Duration.ofMinutes(5), Duration.ofMinutes(2));

    private record Id(String name, List<String> labels) {
    }

    private final TelemetryHub hub;
    private final Map<Id, SeriesKey> keys = new HashMap<>();
    private volatile long atMillis;

    /** The hub's clock is the scrape clock, a millisecond per scrape from {@code startMillis}. */
    ScrapeIngest(long startMillis) {
        this.atMillis = startMillis;
        this.hub = new TelemetryHub(LIMITS, () -> java.time.Instant.ofEpochMilli(atMillis));
    }

    TelemetryHub hub() {
        return hub;
    }

    /** The hub series seen so far, in no particular order. */
    List<SeriesKey> seriesKeys() {
        return List.copyOf(keys.values());
    }

    /** Parses one scrape and stores its samples, a millisecond after the previous scrape; returns the samples. */
    long scrape(String text) {
        long at = atMillis + 1;
        atMillis = at;
        try {
            return new ExpositionParser(ExpositionLimits.DEFAULT).parse(new StringReader(text), s -> {
                SeriesKey key = keys.get(new Id(s.name(), s.labels()));
                if (key == null) {
                    key = keyOf(s);
                    keys.put(new Id(s.name(), s.labels()), key);
                }
                hub.ingest(key, at, s.value());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SeriesKey keyOf(ExpositionSample s) {
        Kpi kpi = switch (s.family()) {
            case "checkout_attempts_total", "checkout_attempts" -> Kpi.CHECKOUT_ATTEMPTS_PER_MIN;
            case "checkout_declines_total", "checkout_declines" -> Kpi.DECLINE_RATE_BY_REASON;
            default -> Kpi.P95_LATENCY;
        };
        StringBuilder detail = new StringBuilder(s.name());
        String region = "unknown";
        for (int i = 0; i < s.labels().size(); i += 2) {
            if (s.labels().get(i).equals("region")) {
                region = s.labels().get(i + 1);
            } else {
                detail.append(',').append(s.labels().get(i)).append('=').append(s.labels().get(i + 1));
            }
        }
        return new SeriesKey(region, kpi, detail.toString());
    }
}
