package io.gatehouse.data.review;

/**
 * Which cases to list; a null field does not filter. Amounts are minor units; {@code limit} is
 * the page size (1 to 200).
 */
public record CaseFilter(CaseStatus status, String region, String rail, String currency, String riskLevel,
        Integer minRisk, Integer maxRisk, Long minAmount, Long maxAmount, String rule, String assignee, int limit) {

    public static final int MAX_LIMIT = 200;

    public CaseFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    /** Every case, newest first, 50 a page. */
    public static CaseFilter all() {
        return new CaseFilter(null, null, null, null, null, null, null, null, null, null, null, 50);
    }

    public CaseFilter withStatus(CaseStatus newStatus) {
        return new CaseFilter(newStatus, region, rail, currency, riskLevel, minRisk, maxRisk, minAmount, maxAmount,
                rule, assignee, limit);
    }

    public CaseFilter withRegion(String newRegion) {
        return new CaseFilter(status, newRegion, rail, currency, riskLevel, minRisk, maxRisk, minAmount, maxAmount,
                rule, assignee, limit);
    }

    public CaseFilter withAssignee(String newAssignee) {
        return new CaseFilter(status, region, rail, currency, riskLevel, minRisk, maxRisk, minAmount, maxAmount,
                rule, newAssignee, limit);
    }

    public CaseFilter withLimit(int newLimit) {
        return new CaseFilter(status, region, rail, currency, riskLevel, minRisk, maxRisk, minAmount, maxAmount,
                rule, assignee, newLimit);
    }
}
