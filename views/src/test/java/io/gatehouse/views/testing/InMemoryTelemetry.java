package io.gatehouse.views.testing;

import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.KpiPoint;
import io.gatehouse.data.telemetry.KpiSample;
import io.gatehouse.data.telemetry.KpiSeries;
import io.gatehouse.data.telemetry.SeriesKey;
import io.gatehouse.data.telemetry.TelemetrySource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A telemetry source in memory: samples as set, or a failure for every question while {@link #failure} is set. */
public final class InMemoryTelemetry implements TelemetrySource {
    public final List<KpiSample> samples = new ArrayList<>();
    public final List<KpiSeries> series = new ArrayList<>();
    /** The range questions asked, in order: KPI, start, end and step. */
    public final List<RangeAsk> rangeAsks = new ArrayList<>();
    public RuntimeException failure;
    public int questions;

    public InMemoryTelemetry add(String region, Kpi kpi, String detail, Instant at, double value) {
        samples.add(new KpiSample(new SeriesKey(region, kpi, detail), at, value));
        return this;
    }

    public InMemoryTelemetry add(String region, Kpi kpi, Instant at, double value) {
        return add(region, kpi, "", at, value);
    }

    @Override
    public String name() {
        return "Sandbox";
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public List<KpiSample> instant(Kpi kpi, Instant at) {
        questions++;
        if (failure != null) {
            throw failure;
        }
        return samples.stream().filter(s -> s.key().kpi() == kpi).toList();
    }

    /** Adds a series of {@code values} one {@code step} apart, ending at {@code end}. */
    public InMemoryTelemetry addSeries(String region, Kpi kpi, String detail, Instant end, Duration step, double... values) {
        List<KpiPoint> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new KpiPoint(end.minus(step.multipliedBy(values.length - 1 - i)), values[i]));
        }
        series.add(new KpiSeries(new SeriesKey(region, kpi, detail), points));
        return this;
    }

    @Override
    public List<KpiSeries> range(Kpi kpi, Instant start, Instant end, Duration step) {
        rangeAsks.add(new RangeAsk(kpi, start, end, step));
        if (failure != null) {
            throw failure;
        }
        return series.stream().filter(s -> s.key().kpi() == kpi).toList();
    }

    /** One range question. */
    public record RangeAsk(Kpi kpi, Instant start, Instant end, Duration step) {
    }
}
