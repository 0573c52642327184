package io.gatehouse.data.review;

import java.util.Objects;

/** Where a four-eyes request stands. Open-ended: unknown values are kept as sent. */
public record ApprovalStatus(String value) {
    public static final ApprovalStatus PENDING = new ApprovalStatus("pending");
    public static final ApprovalStatus APPROVED = new ApprovalStatus("approved");
    public static final ApprovalStatus REJECTED = new ApprovalStatus("rejected");

    public ApprovalStatus {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
