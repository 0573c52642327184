package io.gatehouse.connectors.sandbox.world;

import io.gatehouse.connectors.sandbox.cases.Decision;
import io.gatehouse.connectors.sandbox.cases.SandboxCase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Schedules what happens after a final decision, from the case's hidden truth. Times are compressed so a
 * simulated week shows them (real chargebacks take 30–90 days).
 */
public final class OutcomePlanner {
    /** A future outcome, tied to the decision that caused it so an undo cancels it. */
    public record Planned(Instant due, long order, String caseId, String decisionId, String type, String reason) {
    }

    private static final int MAX_PENDING = 50_000;

    private final long seed;
    private final PriorityQueue<Planned> pending = new PriorityQueue<>(
            Comparator.comparing(Planned::due).thenComparingLong(Planned::order));
    private long order;

    public OutcomePlanner(long seed) {
        this.seed = seed;
    }

    /**
     * Approved fraud: chargeback with p 0.8 after 12 h–7 d. Approved genuine: dispute with p 0.015 after
     * 1–7 d. Declined fraud: issuer fraud report with p 0.5 after 1–3 d. Declined genuine: customer
     * verified as genuine with p 0.35 after 1–48 h.
     */
    public void plan(SandboxCase c, Decision standing) {
        if (pending.size() >= MAX_PENDING) {
            return;
        }
        Draws d = Draws.forStep(seed, c.sequence(), 1_000_003L + c.decisions().size());
        boolean through = standing.action().letsOrderThrough();
        Planned p = null;
        if (through && c.fraudulent() && d.chance(0.8)) {
            p = planned(d, c, standing, Duration.ofHours(12), Duration.ofDays(7), "chargeback", "fraudulent");
        } else if (through && !c.fraudulent() && d.chance(0.015)) {
            p = planned(d, c, standing, Duration.ofDays(1), Duration.ofDays(7), "dispute",
                    d.pick(List.of("product_not_received", "product_unacceptable", "duplicate")));
        } else if (!through && c.fraudulent() && d.chance(0.5)) {
            p = planned(d, c, standing, Duration.ofDays(1), Duration.ofDays(3), "fraud_report", "issuer_confirmed_fraud");
        } else if (!through && !c.fraudulent() && d.chance(0.35)) {
            p = planned(d, c, standing, Duration.ofHours(1), Duration.ofHours(48), "customer_verified",
                    "customer_confirmed_order");
        }
        if (p != null) {
            pending.add(p);
        }
    }

    private Planned planned(Draws d, SandboxCase c, Decision standing, Duration min, Duration max, String type,
                            String reason) {
        long span = max.minus(min).toMinutes();
        Instant due = standing.created().plus(min).plusSeconds(60L * (long) (d.uniform() * span));
        return new Planned(due, order++, c.id(), standing.id(), type, reason);
    }

    /** Removes and returns every outcome due at or before {@code now}, in due order. */
    public List<Planned> due(Instant now) {
        List<Planned> out = new ArrayList<>();
        while (!pending.isEmpty() && !pending.peek().due().isAfter(now)) {
            out.add(pending.poll());
        }
        return out;
    }

    public int pendingCount() {
        return pending.size();
    }
}
