package io.gatehouse.data.executive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RegionalRiskTest {
    private static OptionalDouble v(double d) {
        return OptionalDouble.of(d);
    }

    @Test
    void theWorstReadingDecides() {
        assertThat(RegionalRisk.rate("eu", v(0.01), v(0.01), v(0.95)).level()).isEqualTo(RiskLevel.LOW);
        assertThat(RegionalRisk.rate("eu", v(0.015), v(0.01), v(0.95)).level()).isEqualTo(RiskLevel.ELEVATED);
        assertThat(RegionalRisk.rate("eu", v(0.01), v(0.05), v(0.95)).level()).isEqualTo(RiskLevel.HIGH);
        assertThat(RegionalRisk.rate("eu", v(0.01), v(0.01), v(0.849)).level()).isEqualTo(RiskLevel.HIGH);
        assertThat(RegionalRisk.rate("eu", v(0.01), v(0.01), v(0.91)).level()).isEqualTo(RiskLevel.ELEVATED);
    }

    @Test
    void missingOrBrokenReadingsAreIgnoredAndNoneLeftIsUnknown() {
        assertThat(RegionalRisk.rate("uk", OptionalDouble.empty(), v(Double.NaN), OptionalDouble.empty()).level())
                .isEqualTo(RiskLevel.UNKNOWN);
        RegionRisk r = RegionalRisk.rate("uk", v(0.04), v(Double.POSITIVE_INFINITY), OptionalDouble.empty());
        assertThat(r.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(r.errorRate()).isEmpty();
    }
}
