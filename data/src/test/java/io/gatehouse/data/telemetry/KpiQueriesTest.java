package io.gatehouse.data.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KpiQueriesTest {

    @Test
    void defaultsUseTheSandboxMetricNamesAndTheRegionLabel() {
        KpiQueries q = KpiQueries.defaults();
        assertThat(q.expression(Kpi.ERROR_RATE)).isEqualTo("(sum by (region) (rate(sandbox_checkout_errors_total[300s]))"
                + " or sum by (region) (rate(sandbox_checkout_attempts_total[300s])) * 0)"
                + " / sum by (region) (rate(sandbox_checkout_attempts_total[300s]))");
        for (Kpi kpi : Kpi.values()) {
            assertThat(q.expression(kpi)).contains("sandbox_").doesNotContain("$");
        }
    }

    @Test
    void theRegionLabelAndWindowAreConfigurableAndOverridesWin() {
        KpiQueries q = new KpiQueries("cluster_region", Duration.ofMinutes(1),
                Map.of(Kpi.LOGIN_FAILURES_PER_MIN, "sum by ($region) (rate(auth_failures_total[$window])) * 60"));
        assertThat(q.expression(Kpi.P95_LATENCY)).contains("sum by (cluster_region, le)").contains("[60s]");
        assertThat(q.expression(Kpi.LOGIN_FAILURES_PER_MIN))
                .isEqualTo("sum by (cluster_region) (rate(auth_failures_total[60s])) * 60");
    }

    @Test
    void refusesALabelThatIsNotALabelName() {
        assertThatThrownBy(() -> new KpiQueries("region) or vector(1", Duration.ofMinutes(5), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KpiQueries("__name__", Duration.ofMinutes(5), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KpiQueries("region", Duration.ofMillis(1500), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
