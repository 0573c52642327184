package io.gatehouse.connectors.sandbox.cases;

import io.gatehouse.connectors.sandbox.world.PaymentRail;
import io.gatehouse.connectors.sandbox.world.Region;
import java.time.Duration;
import java.time.Instant;

/** The list filters; a null field does not filter. Age is measured against simulated now. */
public record CaseQuery(CaseStatus status, Region region, PaymentRail rail, String currency, String riskLevel,
                        Integer minRisk, Integer maxRisk, Long minAmount, Long maxAmount, Duration minAge,
                        Duration maxAge, String rule, String assignee) {

    public static CaseQuery all() {
        return new CaseQuery(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public boolean matches(SandboxCase c, Instant now) {
        CaseEvidence e = c.evidence();
        Duration age = Duration.between(c.created(), now);
        Claim live = c.liveClaim(now);
        return (status == null || c.status() == status)
                && (region == null || e.region() == region)
                && (rail == null || e.rail() == rail)
                && (currency == null || e.currency().equalsIgnoreCase(currency))
                && (riskLevel == null || e.risk().level().equals(riskLevel))
                && (minRisk == null || e.risk().score() >= minRisk)
                && (maxRisk == null || e.risk().score() <= maxRisk)
                && (minAmount == null || e.amount() >= minAmount)
                && (maxAmount == null || e.amount() <= maxAmount)
                && (minAge == null || age.compareTo(minAge) >= 0)
                && (maxAge == null || age.compareTo(maxAge) <= 0)
                && (rule == null || e.risk().rules().contains(rule))
                && (assignee == null || (live != null && live.holder().equals(assignee)));
    }
}
