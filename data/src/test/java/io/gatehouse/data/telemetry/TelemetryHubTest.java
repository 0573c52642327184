package io.gatehouse.data.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetryHubTest {
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final SeriesKey EU_ERRORS = SeriesKey.of("eu", Kpi.ERROR_RATE);

    private final ManualClock clock = new ManualClock(T0);

    private static HubLimits small(int maxSeries, int maxDetails) {
        return new HubLimits(maxSeries, maxDetails, 4, 3, Duration.ofMinutes(1), Duration.ofSeconds(30));
    }

    @Test
    void keepsTheNewestRawPointsAndAveragesOlderOnesIntoBuckets() {
        TelemetryHub hub = new TelemetryHub(small(8, 4), clock);
        // one point every 20 s for 10 minutes: 30 points into 4 raw + 3 averaged minute buckets + 1 open bucket
        for (int i = 0; i < 30; i++) {
            hub.ingest(EU_ERRORS, T0.plusSeconds(20L * i).toEpochMilli(), i);
        }
        clock.set(T0.plusSeconds(20 * 29));
        SeriesView view = hub.snapshot(Long.MAX_VALUE).view(EU_ERRORS).orElseThrow();
        List<KpiPoint> points = view.points();
        assertThat(points).hasSize(4 + 3 + 1);
        assertThat(points.subList(4, 8)).extracting(KpiPoint::value).containsExactly(26.0, 27.0, 28.0, 29.0);
        // raw points 0..25 were folded; minute buckets hold (i, i+1, i+2); the last three full ones survive
        assertThat(points.subList(0, 3)).extracting(KpiPoint::value).containsExactly(16.0, 19.0, 22.0);
        assertThat(points.get(0).at()).isEqualTo(T0.plusSeconds(300));
        // the open bucket (minute 8) holds 24 and 25 so far
        assertThat(points.get(3)).isEqualTo(new KpiPoint(T0.plusSeconds(480), 24.5));
        assertThat(points).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
        assertThat(hub.stats().points()).isEqualTo(8).isLessThanOrEqualTo(hub.limits().maxPoints());
        assertThat(view.latest()).hasValue(29);
    }

    @Test
    void memoryStaysBoundedWhateverTheIngest() {
        TelemetryHub hub = new TelemetryHub(small(4, 4), clock);
        for (int i = 0; i < 100_000; i++) {
            hub.ingest(SeriesKey.of("r" + (i % 6), Kpi.CHECKOUT_ATTEMPTS_PER_MIN), 1000L * i, i);
        }
        HubStats stats = hub.stats();
        assertThat(stats.series()).isEqualTo(4);
        assertThat(stats.points()).isLessThanOrEqualTo(hub.limits().maxPoints());
    }

    @Test
    void nanAndInfinityAreDroppedAndCountedNeverStored() {
        TelemetryHub hub = new TelemetryHub(small(8, 4), clock);
        hub.ingest(new KpiSample(EU_ERRORS, T0, Double.NaN));
        hub.ingest(new KpiSample(EU_ERRORS, T0.plusSeconds(1), Double.POSITIVE_INFINITY));
        hub.ingest(new KpiSample(EU_ERRORS, T0.plusSeconds(2), Double.NEGATIVE_INFINITY));
        assertThat(hub.latest(EU_ERRORS)).isEmpty();
        assertThat(hub.stats().droppedNotFinite()).isEqualTo(3);
        assertThat(hub.stats().series()).isZero();
    }

    @Test
    void lateOrSkewedSamplesAreDroppedAndCounted() {
        TelemetryHub hub = new TelemetryHub(small(8, 4), clock);
        hub.ingest(EU_ERRORS, T0.toEpochMilli(), 0.1);
        hub.ingest(EU_ERRORS, T0.minusSeconds(5).toEpochMilli(), 0.9);
        hub.ingest(EU_ERRORS, T0.toEpochMilli(), 0.9);
        assertThat(hub.latest(EU_ERRORS)).hasValue(0.1);
        assertThat(hub.stats().droppedOutOfOrder()).isEqualTo(2);
    }

    @Test
    void aSampleFromAClockFarAheadIsRefusedSoItCannotPinTheSeries() {
        TelemetryHub hub = new TelemetryHub(small(8, 4), clock);
        // an exporter whose clock runs a day ahead
        hub.ingest(EU_ERRORS, T0.plus(Duration.ofDays(1)).toEpochMilli(), 0.5);
        hub.ingest(EU_ERRORS, T0.toEpochMilli(), 0.02);
        hub.ingest(EU_ERRORS, T0.plusSeconds(5).toEpochMilli(), 0.03);
        assertThat(hub.latest(EU_ERRORS)).hasValue(0.03);
        assertThat(hub.stats().droppedOutOfOrder()).isEqualTo(1);
        // a little ahead (a scrape a few seconds before the clock ticks) is fine
        hub.ingest(EU_ERRORS, T0.plus(Duration.ofMinutes(10)).toEpochMilli(), 0.04);
        assertThat(hub.stats().accepted()).isEqualTo(3);
    }

    @Test
    void aSeriesThatVanishesReadsNoDataThenIsForgottenAndOneThatAppearsIsPickedUp() {
        HubLimits limits = small(8, 4);
        TelemetryHub hub = new TelemetryHub(limits, clock);
        hub.ingest(EU_ERRORS, T0.toEpochMilli(), 0.02);
        assertThat(hub.latest(EU_ERRORS)).hasValue(0.02);

        clock.set(T0.plusSeconds(31));
        SeriesView gone = hub.snapshot(Long.MAX_VALUE).view(EU_ERRORS).orElseThrow();
        assertThat(gone.stale()).isTrue();
        assertThat(gone.latest()).isEmpty();
        assertThat(gone.points()).hasSize(1);

        SeriesKey uk = SeriesKey.of("uk", Kpi.ERROR_RATE);
        hub.ingest(uk, clock.millis(), 0.01);
        assertThat(hub.snapshot(Long.MAX_VALUE).of("uk", Kpi.ERROR_RATE)).singleElement()
                .satisfies(v -> assertThat(v.latest()).hasValue(0.01));

        clock.set(T0.plus(limits.olderStep().multipliedBy(limits.olderPoints())).plusSeconds(1));
        assertThat(hub.evictSilent()).isEqualTo(1);
        assertThat(hub.snapshot(Long.MAX_VALUE).view(EU_ERRORS)).isEmpty();
        assertThat(hub.stats().evictedSeries()).isEqualTo(1);
    }

    @Test
    void aCardinalityExplosionIsCappedCountedAndNamed() {
        TelemetryHub hub = new TelemetryHub(small(10, 3), clock);
        // a broken exporter invents a new decline reason every sample
        for (int i = 0; i < 1000; i++) {
            hub.ingest(new SeriesKey("eu", Kpi.DECLINE_RATE_BY_REASON, "reason_" + i), T0.toEpochMilli(), 0.01);
        }
        // the other regions' series still fit: one noisy label cannot take every slot
        for (String region : List.of("uk", "india", "brazil_latam")) {
            hub.ingest(SeriesKey.of(region, Kpi.ERROR_RATE), T0.toEpochMilli(), 0.01);
        }
        HubStats stats = hub.stats();
        assertThat(stats.series()).isEqualTo(6);
        assertThat(stats.droppedOverCapacity()).isEqualTo(997);
        assertThat(stats.capped()).isTrue();
        assertThat(stats.refusedSeriesExamples()).hasSize(16).first()
                .isEqualTo(new SeriesKey("eu", Kpi.DECLINE_RATE_BY_REASON, "reason_3"));

        // the global cap holds too
        for (int i = 0; i < 20; i++) {
            hub.ingest(SeriesKey.of("region_" + i, Kpi.P95_LATENCY), T0.toEpochMilli(), 0.3);
        }
        assertThat(hub.stats().series()).isEqualTo(10);
        assertThat(hub.stats().droppedOverCapacity()).isEqualTo(997 + 16);
    }

    @Test
    void aBatchGoesInAtOnceAndSnapshotsShowOnlyTheLookback() {
        TelemetryHub hub = new TelemetryHub(small(8, 4), clock);
        hub.ingestAll(List.of(new KpiSample(EU_ERRORS, T0, 0.01), new KpiSample(EU_ERRORS, T0.plusSeconds(10), 0.02),
                new KpiSample(EU_ERRORS, T0.plusSeconds(20), Double.NaN), new KpiSample(EU_ERRORS, T0.plusSeconds(30), 0.03)));
        clock.set(T0.plusSeconds(30));
        HubSnapshot snapshot = hub.snapshot(15_000);
        assertThat(snapshot.at()).isEqualTo(T0.plusSeconds(30));
        assertThat(snapshot.view(EU_ERRORS).orElseThrow().points())
                .containsExactly(new KpiPoint(T0.plusSeconds(30), 0.03));
        assertThat(snapshot.stats().accepted()).isEqualTo(3);
        assertThat(snapshot.stats().droppedNotFinite()).isEqualTo(1);
    }

    @Test
    void theDefaultBoundIsStated() {
        assertThat(HubLimits.DEFAULT.maxPoints()).isEqualTo(1024L * (720 + 2016 + 1));
        // 16 bytes a point (a long and a double): under 43 MiB at the very most
        assertThat(HubLimits.DEFAULT.maxPoints() * 16).isLessThan(43L * 1024 * 1024);
    }
}
