package io.gatehouse.data.audit;

import java.time.Instant;

/** Filters for reading the audit log; a null field matches everything. Newest entries first. */
public record AuditQuery(String actorId, String action, String subjectContains, Instant from, Instant to, int limit) {
    public AuditQuery {
        if (limit <= 0 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1..10000, was " + limit);
        }
    }

    public static AuditQuery latest(int limit) {
        return new AuditQuery(null, null, null, null, null, limit);
    }
}
