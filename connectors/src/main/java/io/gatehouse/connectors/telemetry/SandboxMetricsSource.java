package io.gatehouse.connectors.telemetry;

import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.http.UpstreamException;
import io.gatehouse.connectors.http.UpstreamException.Reason;
import io.gatehouse.connectors.http.UpstreamResponse;
import io.gatehouse.connectors.telemetry.SandboxScrape.SeriesId;
import io.gatehouse.connectors.telemetry.exposition.ExpositionException;
import io.gatehouse.connectors.telemetry.exposition.ExpositionLimits;
import io.gatehouse.connectors.telemetry.exposition.ExpositionParser;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.KpiPoint;
import io.gatehouse.data.telemetry.KpiSample;
import io.gatehouse.data.telemetry.KpiSeries;
import io.gatehouse.data.telemetry.SeriesKey;
import io.gatehouse.data.telemetry.TelemetrySource;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.Request;

/**
 * KPIs straight from the sandbox's {@code /metrics}, so the console works with no Prometheus. Each
 * {@link #scrape()} keeps the counters the KPIs use, at the injected clock's time, in a bounded
 * history; KPIs are computed from the scrapes inside the rate window, like {@code rate()} over a
 * Prometheus range. Someone must call {@code scrape()} on a schedule (the composition root does).
 */
public final class SandboxMetricsSource implements TelemetrySource {
    public static final long MAX_BODY_BYTES = 8L * 1024 * 1024;
    /** Series kept per scrape: the sandbox writes about 1 000; more means it is broken. */
    public static final int MAX_SERIES_PER_SCRAPE = 20_000;

    private final UpstreamClient client;
    private final URI metricsUrl;
    private final InstantSource clock;
    private final Duration window;
    private final int maxScrapes;
    private final ArrayDeque<SandboxScrape> history = new ArrayDeque<>();

    /**
     * @param window     the rate window, as in the PromQL defaults
     * @param maxScrapes the history kept; with a 15 s schedule, 120 scrapes cover 30 minutes
     */
    public SandboxMetricsSource(UpstreamClient client, URI sandboxBase, InstantSource clock, Duration window,
            int maxScrapes) {
        this.client = Objects.requireNonNull(client, "client");
        this.metricsUrl = sandboxBase.resolve("/metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        if (maxScrapes < 2) {
            throw new IllegalArgumentException("at least two scrapes are needed for a rate");
        }
        this.maxScrapes = maxScrapes;
    }

    @Override
    public String name() {
        return "Sandbox";
    }

    @Override
    public boolean simulated() {
        return true;
    }

    /**
     * Reads {@code /metrics} once and remembers its counters; returns the time recorded for it.
     * A malformed exposition is refused whole: no half-read scrape enters the history.
     */
    public Instant scrape() {
        Request request = new Request.Builder().url(metricsUrl.toString()).get()
                .header("Accept", "text/plain;version=0.0.4").build();
        UpstreamResponse response = client.execute(request, MAX_BODY_BYTES).orThrow();
        return record(response.bodyText(), response.connection(), response.status());
    }

    /**
     * Remembers an exposition read some other way (the sandbox in-process), as if scraped now. The
     * same strict parse applies: a malformed text is refused whole.
     */
    public Instant scrapeText(String exposition) {
        return record(exposition, "Sandbox metrics", 200);
    }

    private Instant record(String exposition, String connection, int status) {
        Map<SeriesId, Double> values = new HashMap<>();
        try {
            new ExpositionParser(ExpositionLimits.DEFAULT).parse(new StringReader(exposition), sample -> {
                if (SandboxKpis.USED.contains(sample.name())) {
                    if (values.size() >= MAX_SERIES_PER_SCRAPE) {
                        throw new UpstreamException(Reason.TOO_LARGE, 0, connection + ": the metrics have more"
                                + " than " + MAX_SERIES_PER_SCRAPE + " series; the scrape was refused.", null);
                    }
                    values.put(new SeriesId(sample.name(), sample.labels()), sample.value());
                }
            });
        } catch (ExpositionException e) {
            throw new UpstreamException(Reason.MALFORMED_RESPONSE, status, connection + ": "
                    + e.getMessage() + ". The scrape was refused.", e);
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory string failed", e);
        }
        long at = clock.millis();
        synchronized (this) {
            if (!history.isEmpty() && at <= history.peekLast().atMillis()) {
                at = history.peekLast().atMillis() + 1; // a clock that stepped back must not reorder the history
            }
            history.addLast(new SandboxScrape(at, Map.copyOf(values)));
            while (history.size() > maxScrapes) {
                history.removeFirst();
            }
        }
        return Instant.ofEpochMilli(at);
    }

    /** The times of the scrapes held, oldest first. */
    public synchronized List<Instant> scrapeTimes() {
        return history.stream().map(s -> Instant.ofEpochMilli(s.atMillis())).toList();
    }

    /**
     * The increase of every series named {@code metric} (for example
     * {@code sandbox_checkout_attempts_total}) from the scrape at {@code from} to the scrape at
     * {@code to}, summed per region; empty when fewer than two scrapes fall in between.
     */
    public synchronized Map<String, Double> increaseByRegion(String metric, Instant from, Instant to) {
        List<SandboxScrape> span = SandboxKpis.between(List.copyOf(history), from.toEpochMilli(), to.toEpochMilli());
        return span.size() < 2 ? Map.of() : new SandboxKpis(span).increaseByRegion(metric);
    }

    /** The scrapes held from {@code from} to {@code to}, oldest first. */
    synchronized List<SandboxScrape> scrapesBetween(Instant from, Instant to) {
        return SandboxKpis.between(List.copyOf(history), from.toEpochMilli(), to.toEpochMilli());
    }

    @Override
    public synchronized List<KpiSample> instant(Kpi kpi, Instant at) {
        List<SandboxScrape> span = windowEndingAt(List.copyOf(history), at.toEpochMilli());
        if (span.size() < 2) {
            return List.of();
        }
        Instant when = Instant.ofEpochMilli(span.getLast().atMillis());
        List<KpiSample> out = new ArrayList<>();
        new SandboxKpis(span).compute(kpi).forEach((key, v) -> out.add(new KpiSample(key, when, v)));
        return out;
    }

    @Override
    public synchronized List<KpiSeries> range(Kpi kpi, Instant start, Instant end, Duration step) {
        if (step.toMillis() < 1 || end.isBefore(start)
                || Duration.between(start, end).toMillis() / step.toMillis() >= PrometheusSource.MAX_STEPS) {
            throw new IllegalArgumentException("a range needs a positive step, an end after its start, and under "
                    + PrometheusSource.MAX_STEPS + " steps");
        }
        List<SandboxScrape> all = List.copyOf(history);
        Map<SeriesKey, List<KpiPoint>> points = new LinkedHashMap<>();
        for (long t = start.toEpochMilli(); t <= end.toEpochMilli(); t += step.toMillis()) {
            List<SandboxScrape> span = windowEndingAt(all, t);
            if (span.size() < 2) {
                continue;
            }
            Instant at = Instant.ofEpochMilli(t);
            new SandboxKpis(span).compute(kpi).forEach((key, v) ->
                    points.computeIfAbsent(key, k -> new ArrayList<>()).add(new KpiPoint(at, v)));
        }
        List<KpiSeries> out = new ArrayList<>();
        points.forEach((key, p) -> out.add(new KpiSeries(key, p)));
        return out;
    }

    private List<SandboxScrape> windowEndingAt(List<SandboxScrape> all, long atMillis) {
        return SandboxKpis.between(all, atMillis - window.toMillis(), atMillis);
    }
}
