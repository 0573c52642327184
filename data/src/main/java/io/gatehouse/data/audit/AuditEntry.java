package io.gatehouse.data.audit;

import io.gatehouse.data.operator.Role;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One link of the audit chain. {@code hash} covers the canonical JSON of every other field,
 * including {@code previousHash}; personal data lives elsewhere, referenced by {@code personalRef}.
 */
public record AuditEntry(
        long sequence,
        Instant at,
        String actorId,
        Set<Role> actorRoles,
        String action,
        String subject,
        SortedMap<String, String> details,
        Long personalRef,
        String previousHash,
        String hash) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actorId, "actorId");
        actorRoles = Set.copyOf(actorRoles);
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        details = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(details));
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }

    public static SortedMap<String, String> details(Map<String, String> map) {
        return new TreeMap<>(map);
    }
}
