package io.gatehouse.bench.desk;

import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.mirror.CaseSort;
import java.util.List;

/** One first-page request an analyst makes: what they did, the filter and the order. */
record Scenario(String step, String name, CaseFilter filter, CaseSort sort) {
    static List<Scenario> all() {
        CaseFilter review = CaseFilter.all().withStatus(CaseStatus.REVIEW);
        return List.of(
                new Scenario("open", "review queue, newest", review, CaseSort.NEWEST),
                new Scenario("open", "all cases, newest", CaseFilter.all(), CaseSort.NEWEST),
                new Scenario("filter", "+ region eu", review.withRegion("eu"), CaseSort.NEWEST),
                new Scenario("filter", "+ currency KRW", with(review, null, "KRW", null, null, null, null), CaseSort.NEWEST),
                new Scenario("filter", "+ rail pix", with(review, "pix", null, null, null, null, null), CaseSort.NEWEST),
                new Scenario("filter", "+ risk level highest", with(review, null, null, "highest", null, null, null),
                        CaseSort.NEWEST),
                new Scenario("filter", "+ amount >= 50000", with(review, null, null, null, 50_000L, null, null),
                        CaseSort.NEWEST),
                new Scenario("filter", "+ rule new_device", with(review, null, null, null, null, "new_device", null),
                        CaseSort.NEWEST),
                new Scenario("filter", "my cases (assignee)", CaseFilter.all().withAssignee("analyst_3"), CaseSort.NEWEST),
                new Scenario("filter", "+ region india, rail upi, risk >= 95", new CaseFilter(CaseStatus.REVIEW, "india",
                        "upi", null, null, 95, null, null, null, null, null, 50), CaseSort.NEWEST),
                new Scenario("sort", "review queue by amount", review, CaseSort.AMOUNT),
                new Scenario("sort", "review queue by risk", review, CaseSort.RISK),
                new Scenario("sort", "review queue by age", review, CaseSort.AGE),
                new Scenario("sort", "eu review by amount", review.withRegion("eu"), CaseSort.AMOUNT));
    }

    private static CaseFilter with(CaseFilter f, String rail, String currency, String level, Long minAmount,
            String rule, String assignee) {
        return new CaseFilter(f.status(), f.region(), rail, currency, level, f.minRisk(), f.maxRisk(), minAmount,
                f.maxAmount(), rule, assignee, f.limit());
    }
}
