package io.gatehouse.app.cli;

import io.gatehouse.data.review.OutboxEntry;
import io.gatehouse.data.review.ReviewCase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One case as the command line lists and exports it: flat, with the local delivery state of its latest decision. */
record CaseRow(String id, String status, String created, String region, String rail, String amount, long amountMinor,
        String currency, int riskScore, String riskLevel, String rules, String assignee, String delivery) {

    static final List<String> HEADER = List.of("id", "status", "created", "region", "rail", "amount", "amount_minor",
            "currency", "risk_score", "risk_level", "rules", "assignee", "delivery");

    static CaseRow of(ReviewCase c, Optional<OutboxEntry> latest) {
        return new CaseRow(c.id(), c.status().value(), c.created().toString(), c.region(), c.rail(), c.amount().plain(),
                c.amount().minor(), c.amount().currency(), c.risk().score(), c.risk().level(),
                String.join(";", c.risk().rules()), c.assignee() == null ? "" : c.assignee(),
                latest.map(e -> e.action() + " " + e.state().name().toLowerCase(Locale.ROOT)).orElse(""));
    }

    List<String> cells() {
        return List.of(id, status, created, region, rail, amount, Long.toString(amountMinor), currency,
                Integer.toString(riskScore), riskLevel, rules, assignee, delivery);
    }

    /** The row as a JSON object, amounts both as exact decimal text and as minor units. */
    Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> cells = cells();
        for (int i = 0; i < HEADER.size(); i++) {
            out.put(HEADER.get(i), cells.get(i));
        }
        out.put("amount_minor", amountMinor);
        out.put("risk_score", riskScore);
        return out;
    }
}
