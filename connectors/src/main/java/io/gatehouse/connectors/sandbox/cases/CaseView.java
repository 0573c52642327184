package io.gatehouse.connectors.sandbox.cases;

import io.gatehouse.connectors.sandbox.world.PaymentRail;
import io.gatehouse.connectors.sandbox.world.Region;
import java.time.Instant;
import java.util.List;

/** A case as the Case API serves it (snake_case JSON); a snapshot, safe to hand outside the lock. */
public record CaseView(String id, String object, CaseStatus status, Instant created, Instant updated,
                       String orderId, CaseEvidence.Merchant merchant, Region region, PaymentRail rail,
                       long amount, String currency, CaseEvidence.Risk risk,
                       CaseEvidence.PaymentChecks paymentChecks, CaseEvidence.Card card, CaseEvidence.Geo geo,
                       CaseEvidence.Device device, CaseEvidence.Session session, CaseEvidence.Velocity velocity,
                       CaseEvidence.Customer customer, List<CaseEvidence.LinkedOrder> linkedOrders,
                       boolean held, boolean escalated, String assignee, Claim claim, Decision decision,
                       List<Decision> decisions, int notesCount, List<Outcome> outcomes) {

    public static CaseView of(SandboxCase c, Instant now) {
        CaseEvidence e = c.evidence();
        Claim live = c.liveClaim(now);
        return new CaseView(c.id(), "case", c.status(), c.created(), c.updated(), e.orderId(), e.merchant(),
                e.region(), e.rail(), e.amount(), e.currency(), e.risk(), e.paymentChecks(), e.card(), e.geo(),
                e.device(), e.session(), e.velocity(), e.customer(), e.linkedOrders(), c.held(), c.escalated(),
                live == null ? null : live.holder(), live, c.standing(), List.copyOf(c.decisions()),
                c.notes().size(), List.copyOf(c.outcomes()));
    }
}
