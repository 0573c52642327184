package io.gatehouse.data.review;

import java.util.Objects;
import java.util.Set;

/** Where a case stands upstream. Open-ended: a value this console does not know is kept as sent. */
public record CaseStatus(String value) {
    public static final CaseStatus REVIEW = new CaseStatus("review");
    public static final CaseStatus AUTO_DECLINED = new CaseStatus("auto_declined");
    public static final CaseStatus DECIDED = new CaseStatus("decided");
    private static final Set<CaseStatus> KNOWN = Set.of(REVIEW, AUTO_DECLINED, DECIDED);

    public CaseStatus {
        Objects.requireNonNull(value, "value");
    }

    /** False for a status a newer upstream added; show it raw rather than guess its meaning. */
    public boolean known() {
        return KNOWN.contains(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
