package io.gatehouse.views.testing;

import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CasePage;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.DecisionRefusedException;
import io.gatehouse.data.review.DecisionResult;
import io.gatehouse.data.review.DeliveryState;
import io.gatehouse.data.review.Money;
import io.gatehouse.data.review.OutboxEntry;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.views.review.ReviewDeskPort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A desk over a few cases in memory; it records every decision and pages by a numeric cursor. */
public final class InMemoryReviewDesk implements ReviewDeskPort {
    /** A decision as the desk received it. */
    public record Decision(String caseId, DecisionAction action, String reason) {
    }

    public final List<ReviewCase> cases = new ArrayList<>();
    public final List<Decision> decisions = new CopyOnWriteArrayList<>();
    public final List<String> cursors = new CopyOnWriteArrayList<>();
    private final Map<String, DeliveryState> delivered = new HashMap<>();
    /** When set, every decision fails with it. */
    public volatile RuntimeException failDecisions;

    /** Five cases in review, one automated decline and one decided case, newest first. */
    public static InMemoryReviewDesk sample() {
        InMemoryReviewDesk desk = new InMemoryReviewDesk();
        Instant now = TestConsole.NOW;
        desk.cases.add(sampleCase("case_1007", CaseStatus.REVIEW, now.minus(Duration.ofMinutes(12)), new Money(184_950, "EUR"),
                91, "highest", List.of("ip_country_mismatch", "velocity_card"), "DE", "NL", "DE", "GB"));
        desk.cases.add(sampleCase("case_1006", CaseStatus.REVIEW, now.minus(Duration.ofMinutes(47)), new Money(12_000, "JPY"),
                64, "elevated", List.of("new_device"), "JP", "JP", "JP", "JP"));
        desk.cases.add(sampleCase("case_1005", CaseStatus.REVIEW, now.minus(Duration.ofHours(3)), new Money(1_250_500, "KWD"),
                72, "elevated", List.of("high_amount"), "KW", "AE", "KW", "KW"));
        desk.cases.add(sampleCase("case_1004", CaseStatus.REVIEW, now.minus(Duration.ofHours(9)), new Money(4_999, "USD"),
                18, "normal", List.of(), "US", "US", "US", "US"));
        desk.cases.add(sampleCase("case_1003", CaseStatus.REVIEW, now.minus(Duration.ofDays(2)), new Money(39_900, "GBP"),
                55, "elevated", List.of("avs_mismatch"), "GB", "GB", "FR", "GB"));
        desk.cases.add(sampleCase("case_1002", CaseStatus.AUTO_DECLINED, now.minus(Duration.ofDays(3)), new Money(89_000, "EUR"),
                97, "highest", List.of("card_testing"), "RU", "DE", "DE", "DE"));
        desk.cases.add(sampleCase("case_1001", CaseStatus.DECIDED, now.minus(Duration.ofDays(4)), new Money(2_500, "EUR"),
                10, "normal", List.of(), "AT", "AT", "AT", "AT"));
        return desk;
    }

    public static ReviewCase sampleCase(String id, CaseStatus status, Instant created, Money amount, int score, String level,
            List<String> rules, String ipCountry, String billing, String shipping, String cardCountry) {
        return new ReviewCase(id, status, created, created, "order_" + id.substring(id.indexOf('_') + 1),
                new ReviewCase.Merchant("m_1", "Example Shop"), "EU", "card", amount,
                new ReviewCase.Risk(score, level, rules),
                new ReviewCase.PaymentChecks("pass", "fail", "pass", "authenticated"),
                new ReviewCase.Card("fp_1", "424242", "visa", "4242", cardCountry),
                new ReviewCase.Geo("203.0.113.7", ipCountry, billing, shipping),
                new ReviewCase.Device("dev_1", created.minus(Duration.ofDays(30)), "Firefox 140 on Linux"),
                new ReviewCase.Session("sess_1", "tok_1", 420),
                new ReviewCase.Velocity(2, 1, 3, 4),
                new ReviewCase.Customer("cus_1", "buyer@example.com", 400, 12, 1, 0),
                List.of(), false, false, null, null, List.of(), 0, List.of());
    }

    @Override
    public CasePage list(CaseFilter filter, String cursor) {
        cursors.add(cursor == null ? "" : cursor);
        List<ReviewCase> matching = cases.stream()
                .filter(c -> filter.status() == null || filter.status().equals(c.status())).toList();
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(matching.size(), from + filter.limit());
        return new CasePage(matching.subList(from, to), to < matching.size() ? Integer.toString(to) : null);
    }

    @Override
    public synchronized Optional<DeliveryState> latestDelivery(String caseId) {
        return Optional.ofNullable(delivered.get(caseId));
    }

    @Override
    public synchronized DecisionResult decide(String caseId, DecisionAction action, String reason) {
        if (failDecisions != null) {
            throw failDecisions;
        }
        if (DecisionAction.REVERSE_DECLINE.equals(action) && (reason == null || reason.isBlank())) {
            throw new DecisionRefusedException("Reversing an automated decline needs a reason.");
        }
        decisions.add(new Decision(caseId, action, reason));
        delivered.put(caseId, DeliveryState.PENDING);
        Instant now = TestConsole.NOW;
        return new DecisionResult.Queued(new OutboxEntry(decisions.size(), "key-" + decisions.size(), caseId,
                action.value(), "{}", DeliveryState.PENDING, 0, now, now, now, null, null));
    }

    /** Marks a case as if an earlier decision of this console had been delivered. */
    public synchronized void delivered(String caseId, DeliveryState state) {
        delivered.put(caseId, state);
    }
}
