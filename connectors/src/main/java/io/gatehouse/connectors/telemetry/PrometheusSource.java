package io.gatehouse.connectors.telemetry;

import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.http.UpstreamException;
import io.gatehouse.connectors.http.UpstreamException.Reason;
import io.gatehouse.connectors.http.UpstreamResponse;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.KpiPoint;
import io.gatehouse.data.telemetry.KpiQueries;
import io.gatehouse.data.telemetry.KpiSample;
import io.gatehouse.data.telemetry.KpiSeries;
import io.gatehouse.data.telemetry.SeriesKey;
import io.gatehouse.data.telemetry.TelemetrySource;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * KPIs from a Prometheus-compatible server (Prometheus, Thanos, Mimir, VictoriaMetrics) through
 * {@code /api/v1/query} and {@code /api/v1/query_range}. Each KPI is the configured PromQL with the
 * region label filled in; a series without the region label cannot be placed on the map and is left out.
 */
public final class PrometheusSource implements TelemetrySource {
    /** The largest answer read: a week of 8 regions × 16 reasons at a 1-minute step is about 6 MiB. */
    public static final long MAX_BODY_BYTES = 16L * 1024 * 1024;
    /** Prometheus itself refuses more than 11 000 points per series. */
    public static final long MAX_STEPS = 11_000;

    private final UpstreamClient client;
    private final HttpUrl base;
    private final KpiQueries queries;
    private final PrometheusAuth auth;
    private volatile List<String> lastWarnings = List.of();

    public PrometheusSource(UpstreamClient client, URI baseUrl, KpiQueries queries, PrometheusAuth auth) {
        this.client = Objects.requireNonNull(client, "client");
        String text = baseUrl.toString();
        this.base = HttpUrl.get(text.endsWith("/") ? text : text + "/");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.auth = Objects.requireNonNull(auth, "auth");
    }

    @Override
    public String name() {
        return "Prometheus";
    }

    @Override
    public boolean simulated() {
        return false;
    }

    /** The warnings of the last answer (partial data, for example): empty when there were none. */
    public List<String> lastWarnings() {
        return lastWarnings;
    }

    @Override
    public List<KpiSample> instant(Kpi kpi, Instant at) {
        List<KpiSample> out = new ArrayList<>();
        for (PromSeries s : query(queries.expression(kpi), at).series()) {
            SeriesKey key = keyOf(kpi, s);
            if (key != null && s.values().length > 0) {
                out.add(new KpiSample(key, Instant.ofEpochMilli(s.epochMillis()[0]), s.values()[0]));
            }
        }
        return out;
    }

    @Override
    public List<KpiSeries> range(Kpi kpi, Instant start, Instant end, Duration step) {
        List<KpiSeries> out = new ArrayList<>();
        for (PromSeries s : queryRange(queries.expression(kpi), start, end, step).series()) {
            SeriesKey key = keyOf(kpi, s);
            if (key == null) {
                continue;
            }
            List<KpiPoint> points = new ArrayList<>(s.values().length);
            for (int i = 0; i < s.values().length; i++) {
                // NaN (0/0) and infinities are "no data" at that step: a gap, never a plotted number
                if (Double.isFinite(s.values()[i])) {
                    points.add(new KpiPoint(Instant.ofEpochMilli(s.epochMillis()[i]), s.values()[i]));
                }
            }
            out.add(new KpiSeries(key, points));
        }
        return out;
    }

    private SeriesKey keyOf(Kpi kpi, PromSeries s) {
        String region = s.label(queries.regionLabel());
        if (region == null || region.isEmpty()) {
            return null;
        }
        String detail = kpi.detailLabel() == null ? "" : Objects.requireNonNullElse(s.label(kpi.detailLabel()), "");
        return new SeriesKey(region, kpi, detail);
    }

    /** Evaluates any PromQL expression at one instant. */
    public PromResult query(String promql, Instant at) {
        HttpUrl url = base.resolve("api/v1/query").newBuilder()
                .addQueryParameter("query", promql)
                .addQueryParameter("time", seconds(at))
                .build();
        return call(url);
    }

    /** Evaluates any PromQL expression at each step from start to end. */
    public PromResult queryRange(String promql, Instant start, Instant end, Duration step) {
        if (step.toMillis() < 1 || end.isBefore(start)) {
            throw new IllegalArgumentException("a range needs a positive step and an end not before its start");
        }
        if (Duration.between(start, end).toMillis() / step.toMillis() >= MAX_STEPS) {
            throw new IllegalArgumentException("a range of more than " + MAX_STEPS + " steps; use a longer step");
        }
        HttpUrl url = base.resolve("api/v1/query_range").newBuilder()
                .addQueryParameter("query", promql)
                .addQueryParameter("start", seconds(start))
                .addQueryParameter("end", seconds(end))
                .addQueryParameter("step", BigDecimal.valueOf(step.toMillis(), 3).toPlainString())
                .build();
        return call(url);
    }

    private PromResult call(HttpUrl url) {
        Request.Builder request = new Request.Builder().url(url).get().header("Accept", "application/json");
        String authorization = auth.headerValue();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        UpstreamResponse response = client.execute(request.build(), MAX_BODY_BYTES);
        PromEnvelopeParser.Envelope envelope;
        try {
            envelope = PromEnvelopeParser.parse(response.body());
        } catch (PromEnvelopeParser.MalformedEnvelope e) {
            response.orThrow(); // a proxy's HTML 502 says more as a status than as bad JSON
            throw new UpstreamException(Reason.MALFORMED_RESPONSE, response.status(), response.connection()
                    + " sent an answer the console cannot read (" + e.getMessage() + "). Is the URL a Prometheus"
                    + " API endpoint?", null);
        }
        if (envelope.error() != null) {
            throw PromErrors.of(response.connection(), response.status(), envelope.error());
        }
        if (!response.successful()) {
            response.orThrow();
        }
        lastWarnings = envelope.result().warnings();
        return envelope.result();
    }

    // Prometheus reads decimal seconds; three decimals keep millisecond alignment with scrape times.
    static String seconds(Instant at) {
        return BigDecimal.valueOf(at.toEpochMilli(), 3).toPlainString();
    }
}
