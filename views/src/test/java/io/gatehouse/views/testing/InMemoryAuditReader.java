package io.gatehouse.views.testing;

import io.gatehouse.data.audit.AuditEntry;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.audit.AuditReader;
import io.gatehouse.data.audit.ChainVerification;
import io.gatehouse.data.audit.VerifyProgress;
import io.gatehouse.data.operator.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;

/** An audit log in memory with a chain of made-up hashes; can be told to report a break. */
public final class InMemoryAuditReader implements AuditReader {
    private final List<AuditEntry> entries = new CopyOnWriteArrayList<>();
    public final List<AuditQuery> queries = new CopyOnWriteArrayList<>();
    public volatile Long brokenAt;
    public volatile RuntimeException failure;

    public InMemoryAuditReader add(Instant at, String actor, Role role, String action, String subject) {
        long sequence = entries.size() + 1;
        String previous = entries.isEmpty() ? "0".repeat(64) : entries.getLast().hash();
        String hash = sha256(previous + "|" + sequence + "|" + at + "|" + actor + "|" + action + "|" + subject);
        entries.add(new AuditEntry(sequence, at, actor, Set.of(role), action, subject,
                AuditEntry.details(Map.of()), null, previous, hash));
        return this;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A small, plausible log for the views' tests. */
    public static InMemoryAuditReader sample() {
        Instant t = Instant.parse("2026-11-20T08:00:00Z");
        return new InMemoryAuditReader()
                .add(t, "alice", Role.ANALYST, "case.decide", "order EU-1001")
                .add(t.plusSeconds(3600), "bob", Role.LEAD, "case.approve", "order EU-1001")
                .add(t.plusSeconds(86_400), "carol", Role.KEY_CUSTODIAN, "key.rotate", "key checkout-signing-2026")
                .add(t.plusSeconds(90_000), "alice", Role.ANALYST, "case.reverse", "order APAC-2040")
                .add(t.plusSeconds(172_800), "bob", Role.LEAD, "connection.update", "telemetry prometheus-eu");
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        queries.add(query);
        if (failure != null) {
            throw failure;
        }
        List<AuditEntry> found = new ArrayList<>();
        for (AuditEntry entry : entries) {
            if (query.actorId() != null && !entry.actorId().equals(query.actorId())) {
                continue;
            }
            if (query.action() != null && !entry.action().equals(query.action())) {
                continue;
            }
            if (query.subjectContains() != null && !entry.subject().contains(query.subjectContains())) {
                continue;
            }
            if (query.from() != null && entry.at().isBefore(query.from())) {
                continue;
            }
            if (query.to() != null && !entry.at().isBefore(query.to())) {
                continue;
            }
            found.add(entry);
        }
        found.sort(Comparator.comparingLong(AuditEntry::sequence).reversed());
        return found.subList(0, Math.min(found.size(), query.limit()));
    }

    @Override
    public ChainVerification verify(VerifyProgress progress) {
        if (failure != null) {
            throw failure;
        }
        long total = entries.size();
        for (AuditEntry entry : entries) {
            if (progress.cancelled()) {
                throw new CancellationException("verification cancelled");
            }
            if (brokenAt != null && entry.sequence() == brokenAt) {
                return ChainVerification.broken(entry.sequence() - 1, entry.sequence(), "hash does not match the entry");
            }
            progress.checked(entry.sequence(), total);
        }
        return ChainVerification.intact(total, entries.isEmpty() ? null : entries.getLast().hash());
    }
}
