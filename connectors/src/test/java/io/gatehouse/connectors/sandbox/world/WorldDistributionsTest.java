package io.gatehouse.connectors.sandbox.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gatehouse.connectors.sandbox.cases.CaseEvidence;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorldDistributionsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    private static List<CaseEvidence> orders(long seed, boolean fraud, int n) {
        CaseGenerator generator = new CaseGenerator(new FraudRings(seed));
        Draws d = Draws.forStep(seed, 0, 0);
        List<CaseEvidence> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant at = T0.plus(Duration.ofMinutes(i));
            out.add(generator.evidence(d, Region.EU, PaymentRail.CARD, at, fraud, 80, OrderTweaks.NONE));
        }
        return out;
    }

    private static double shareSharingADevice(List<CaseEvidence> orders) {
        Map<String, Integer> devices = new HashMap<>();
        orders.forEach(o -> devices.merge(o.device().id(), 1, Integer::sum));
        return orders.stream().filter(o -> devices.get(o.device().id()) > 1).count() / (double) orders.size();
    }

    @Test
    void fraudClustersAndGenuineOrdersMostlyDoNot() {
        List<CaseEvidence> fraud = orders(42, true, 2_000);
        List<CaseEvidence> genuine = orders(42, false, 2_000);
        assertThat(shareSharingADevice(fraud)).isGreaterThan(0.6);
        assertThat(shareSharingADevice(genuine)).isLessThan(0.01);
        assertThat(fraud.stream().filter(o -> !o.linkedOrders().isEmpty()).count()).isGreaterThan(1_500);
        assertThat(genuine.stream().filter(o -> !o.linkedOrders().isEmpty()).count()).isLessThan(5);
        assertThat(fraud.stream().filter(o -> o.paymentChecks().cvcCheck().equals("fail")).count() / 2000.0)
                .isCloseTo(0.35, within(0.05));
    }

    @Test
    void amountsAreMinorUnitsOfEachCurrency() {
        CaseGenerator generator = new CaseGenerator(new FraudRings(1));
        Draws d = Draws.forStep(1, 0, 9);
        Map<String, List<Long>> byCurrency = new HashMap<>();
        for (int i = 0; i < 4_000; i++) {
            CaseEvidence e = generator.evidence(d, Region.JAPAN_KOREA, PaymentRail.CARD, T0, false, 70, OrderTweaks.NONE);
            byCurrency.computeIfAbsent(e.currency(), k -> new ArrayList<>()).add(e.amount());
        }
        // Zero-decimal currencies: the median JPY basket is about 8 000 yen, not 800 000.
        assertThat(median(byCurrency.get("JPY"))).isBetween(6_000L, 10_000L);
        assertThat(median(byCurrency.get("KRW"))).isBetween(55_000L, 85_000L);
        CaseEvidence usd = generator.evidence(d, Region.NORTH_AMERICA, PaymentRail.CARD, T0, false, 70, OrderTweaks.NONE);
        assertThat(usd.amount()).isPositive();
    }

    @Test
    void eachRegionFollowsItsOwnLocalClock() {
        for (Region r : Region.values()) {
            Instant evening = ZonedDateTime.of(2026, 3, 2, 20, 0, 0, 0, r.zone()).toInstant();
            Instant morning = ZonedDateTime.of(2026, 3, 2, 8, 0, 0, 0, r.zone()).toInstant();
            assertThat(r.ordersPerMinute(morning)).isCloseTo(r.ordersPerMinute(evening) * 0.1, within(1e-9));
        }
        assertThat(Region.values()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(Region.valuesCountries()).contains("US", "DE", "GB", "IN", "JP", "KR", "BR", "MX");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
