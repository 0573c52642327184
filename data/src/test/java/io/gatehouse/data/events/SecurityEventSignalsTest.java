package io.gatehouse.data.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.telemetry.HubLimits;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.KpiPoint;
import io.gatehouse.data.telemetry.SeriesKey;
import io.gatehouse.data.telemetry.TelemetryHub;
import io.gatehouse.data.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecurityEventSignalsTest {
    private final ManualClock clock = ManualClock.at("2026-11-25T10:05:00Z");
    private final TelemetryHub hub = new TelemetryHub(HubLimits.DEFAULT, clock);
    private final SecurityEventSignals signals = new SecurityEventSignals(hub);
    private int next;

    private SecurityEvent event(String type, String region, String at, long count) {
        return new SecurityEvent("sev_" + (++next), type, region, Instant.parse(at), count);
    }

    @Test
    void eachCompletedMinuteBecomesOneHubPointStampedAtTheMinutesEnd() {
        signals.accept(event("login_failures", "eu", "2026-11-25T10:01:10Z", 30));
        signals.accept(event("login_failures", "eu", "2026-11-25T10:01:50Z", 12));
        // an event's time ends the span it counts: on the boundary it still belongs to the minute ending there
        signals.accept(event("login_failures", "eu", "2026-11-25T10:02:00Z", 5));
        signals.accept(event("login_failures", "eu", "2026-11-25T10:02:01Z", 7));
        SeriesKey key = new SeriesKey("eu", Kpi.LOGIN_FAILURES_PER_MIN, SecurityEventSignals.HUB_DETAIL);
        assertThat(hub.snapshot(Duration.ofHours(1).toMillis()).view(key).orElseThrow().points())
                .containsExactly(new KpiPoint(Instant.parse("2026-11-25T10:02:00Z"), 47));
        assertThat(signals.currentMinute("eu", "login_failures")).isEqualTo(7);
        assertThat(signals.totals()).containsEntry("eu", java.util.Map.of("login_failures", 54L));
    }

    @Test
    void closingAQuietPairsMinuteWritesItAndMakesLaterEventsForItLate() {
        signals.accept(event("token_validation_failures", "eu", "2026-11-25T10:01:00Z", 2));
        signals.accept(event("token_validation_failures", "eu", "2026-11-25T10:03:00Z", 3));
        signals.closeMinutesEndingBy(Instant.parse("2026-11-25T10:02:59Z"));
        SeriesKey key = new SeriesKey("eu", Kpi.TOKEN_VALIDATION_FAILURES_PER_MIN, SecurityEventSignals.HUB_DETAIL);
        assertThat(hub.snapshot(Duration.ofHours(1).toMillis()).view(key).orElseThrow().points()).hasSize(1);
        signals.closeMinutesEndingBy(Instant.parse("2026-11-25T10:03:00Z"));
        assertThat(hub.snapshot(Duration.ofHours(1).toMillis()).view(key).orElseThrow().points())
                .containsExactly(new KpiPoint(Instant.parse("2026-11-25T10:01:00Z"), 2),
                        new KpiPoint(Instant.parse("2026-11-25T10:03:00Z"), 3));
        assertThat(signals.currentMinute("eu", "token_validation_failures")).isZero();
        signals.accept(event("token_validation_failures", "eu", "2026-11-25T10:02:30Z", 1));
        assertThat(signals.late()).isEqualTo(1);
        assertThat(hub.stats().accepted()).isEqualTo(2);
    }

    @Test
    void lateEventsAndTypesWithoutAKpiAreCountedButNotPlotted() {
        signals.accept(event("card_testing", "br", "2026-11-25T10:01:00Z", 3));
        signals.accept(event("card_testing", "br", "2026-11-25T10:02:00Z", 4));
        signals.accept(event("card_testing", "br", "2026-11-25T10:00:30Z", 1));
        assertThat(signals.late()).isEqualTo(1);
        assertThat(signals.totals().get("br")).containsEntry("card_testing", 8L);
        assertThat(hub.stats().series()).isZero();
    }

    @Test
    void pairsBeyondTheCapAreRefusedAndCounted() {
        for (int i = 0; i < SecurityEventSignals.MAX_SERIES + 5; i++) {
            signals.accept(event("type_" + i, "eu", "2026-11-25T10:01:00Z", 1));
        }
        assertThat(signals.refused()).isEqualTo(5);
    }

    @Test
    void anEventIsRefusedWhenItsFieldsAreOutOfShape() {
        Instant at = Instant.parse("2026-11-25T10:01:00Z");
        assertThatThrownBy(() -> new SecurityEvent("sev 1", "login_failures", "eu", at, 1)).hasMessageContaining("event id");
        assertThatThrownBy(() -> new SecurityEvent("sev_1", "Login", "eu", at, 1)).hasMessageContaining("event type");
        assertThatThrownBy(() -> new SecurityEvent("sev_1", "login_failures", "EU!", at, 1)).hasMessageContaining("region");
        assertThatThrownBy(() -> new SecurityEvent("sev_1", "login_failures", "eu", at, 0)).hasMessageContaining("count");
    }
}
