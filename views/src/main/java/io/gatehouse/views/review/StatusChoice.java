package io.gatehouse.views.review;

import io.gatehouse.data.review.CaseStatus;

/** The queue's status filter. */
public enum StatusChoice {
    REVIEW(CaseStatus.REVIEW), AUTO_DECLINED(CaseStatus.AUTO_DECLINED), DECIDED(CaseStatus.DECIDED), ALL(null);

    private final CaseStatus status;

    StatusChoice(CaseStatus status) {
        this.status = status;
    }

    /** The status to filter on; null for all. */
    public CaseStatus status() {
        return status;
    }
}
