package io.gatehouse.data.review.mirror;

import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.Money;
import io.gatehouse.data.review.ReviewCase;
import java.time.Instant;
import java.util.List;

/** Review cases for mirror tests: every field the mirror reads can be chosen, the rest is plausible. */
final class Cases {
    private Cases() {
    }

    static ReviewCase of(String id, CaseStatus status, Instant created, String region, String rail, Money amount,
            int score, List<String> rules, String assignee) {
        String level = score >= 90 ? "highest" : score >= 60 ? "elevated" : "normal";
        return new ReviewCase(id, status, created, created.plusSeconds(30), "ord_" + id,
                new ReviewCase.Merchant("m_1", "Northwind"), region, rail, amount,
                new ReviewCase.Risk(score, level, rules),
                new ReviewCase.PaymentChecks("pass", "pass", "fail", "authenticated"),
                new ReviewCase.Card("fp_" + id, "424242", "visa", "4242", "DE"),
                new ReviewCase.Geo("203.0.113.9", "DE", "DE", "FR"),
                new ReviewCase.Device("dev_" + id, created.minusSeconds(86_400), "Mozilla/5.0"),
                new ReviewCase.Session("ses_" + id, "tok_" + id, 120),
                new ReviewCase.Velocity(1, 2, 3, 4),
                new ReviewCase.Customer("cus_" + id, id + "@example.com", 400, 12, 1, 0),
                List.of(new ReviewCase.LinkedOrder("ord_prev", "card", created.minusSeconds(3600))),
                false, false, assignee, null, List.of(), 0, List.of());
    }

    static ReviewCase withStatus(ReviewCase c, CaseStatus status) {
        return new ReviewCase(c.id(), status, c.created(), c.updated().plusSeconds(60), c.orderId(), c.merchant(),
                c.region(), c.rail(), c.amount(), c.risk(), c.paymentChecks(), c.card(), c.geo(), c.device(),
                c.session(), c.velocity(), c.customer(), c.linkedOrders(), c.held(), c.escalated(), c.assignee(),
                c.decision(), c.decisions(), c.notesCount(), c.outcomes());
    }
}
