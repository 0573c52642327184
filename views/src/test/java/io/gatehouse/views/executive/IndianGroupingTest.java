package io.gatehouse.views.executive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndianGroupingTest {
    @Test
    void groupsLakhsAndCrores() {
        assertThat(IndianGrouping.apply("₹183,700,000.00")).isEqualTo("₹18,37,00,000.00");
        assertThat(IndianGrouping.apply("₹1,234,567.00")).isEqualTo("₹12,34,567.00");
        assertThat(IndianGrouping.apply("₹12,345.00")).isEqualTo("₹12,345.00");
        assertThat(IndianGrouping.apply("₹999.00")).isEqualTo("₹999.00");
        assertThat(IndianGrouping.apply("-₹1,000,000.50")).isEqualTo("-₹10,00,000.50");
    }
}
