package io.gatehouse.connectors.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.events.IngestStats;
import io.gatehouse.data.health.HealthState;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EventStreamProbeTest {
    private final AtomicReference<IngestStats> stats = new AtomicReference<>();
    private final EventStreamProbe probe = new EventStreamProbe("Security events", stats::get);

    private static IngestStats stats(boolean connected, long accepted, long forged, String error) {
        return new IngestStats(connected, accepted, forged, 0, 0, 0, 0, 0, 0, null, error);
    }

    @Test
    void refusalsSinceTheLastCheckDegradeTheStreamOnce() {
        stats.set(stats(true, 10, 0, null));
        assertThat(probe.check().state()).isEqualTo(HealthState.UP);
        stats.set(stats(true, 12, 3, null));
        var result = probe.check();
        assertThat(result.state()).isEqualTo(HealthState.DEGRADED);
        assertThat(result.detail()).startsWith("3 events refused since the last check").endsWith("12 verified; refused 3 forged");
        var calm = probe.check();
        assertThat(calm.state()).isEqualTo(HealthState.UP);
        assertThat(calm.detail()).isEqualTo("12 verified; refused 3 forged");
    }

    @Test
    void aStreamStillMakingItsFirstConnectionIsUnknownNotDown() {
        stats.set(stats(false, 0, 0, null));
        var result = probe.check();
        assertThat(result.state()).isEqualTo(HealthState.UNKNOWN);
        assertThat(result.detail()).startsWith("connecting");
    }

    @Test
    void aClosedStreamSaysWhy() {
        stats.set(stats(false, 0, 0, "the event stream answered HTTP 503"));
        var result = probe.check();
        assertThat(result.state()).isEqualTo(HealthState.DOWN);
        assertThat(result.detail()).startsWith("the event stream answered HTTP 503");
        stats.set(stats(false, 5, 0, "the event stream broke off in the middle of an event"));
        assertThat(probe.check().state()).isEqualTo(HealthState.DEGRADED);
    }
}
