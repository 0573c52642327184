package io.gatehouse.data.audit;

import io.gatehouse.data.operator.Operator;
import io.gatehouse.data.operator.OperatorSession;
import io.gatehouse.data.operator.Permission;
import io.gatehouse.data.store.LocalStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * The append-only, hash-chained audit log. Every entry names the operator and roles of the
 * session that made it. Entries are appended on the store's writer thread, so other writes
 * (an outbox row, say) can join the same transaction through {@link #appendIn}.
 */
public final class AuditLog implements AuditReader {
    private static final int VERIFY_PAGE = 1_000;

    private final LocalStore store;
    private final OperatorSession session;
    private final InstantSource clock;

    public AuditLog(LocalStore store, OperatorSession session, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.session = Objects.requireNonNull(session, "session");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Appends an entry in its own transaction and returns it once committed. */
    public AuditEntry append(String action, String subject, Map<String, String> details) {
        return store.write(c -> appendIn(c, action, subject, details, null));
    }

    /** Appends an entry whose personal data (a name, an email) is kept apart and can be erased. */
    public AuditEntry append(String action, String subject, Map<String, String> details, String personalData) {
        Objects.requireNonNull(personalData, "personalData");
        return store.write(c -> appendIn(c, action, subject, details, personalData));
    }

    /**
     * Appends inside a transaction already running on the writer thread, for callers whose own
     * write must commit together with its audit entry.
     */
    public AuditEntry appendIn(Connection c, String action, String subject, Map<String, String> details,
            String personalData) throws SQLException {
        Operator operator = session.operator();
        AuditRows.Head head = AuditRows.head(c);
        Long personalRef = personalData == null ? null : AuditRows.insertPersonalData(c, personalData);
        long sequence = head.sequence() + 1;
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String hash = AuditHasher.hash(sequence, at, operator.id(), operator.roles(), action, subject, details,
                personalRef, head.hash());
        AuditEntry entry = new AuditEntry(sequence, at, operator.id(), operator.roles(), action, subject,
                AuditEntry.details(details), personalRef, head.hash(), hash);
        AuditRows.insert(c, entry);
        return entry;
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        session.require(Permission.VIEW_AUDIT);
        return store.read(c -> AuditRows.find(c, query));
    }

    /**
     * The entries about exactly one subject (such as {@code case/c_1}), newest first. Unlike
     * {@link AuditQuery#subjectContains()} it never matches {@code case/c_10} for {@code case/c_1}.
     */
    public List<AuditEntry> forSubject(String subject, int limit) {
        session.require(Permission.VIEW_AUDIT);
        java.util.Objects.requireNonNull(subject, "subject");
        if (limit <= 0 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1..10000, was " + limit);
        }
        return store.read(c -> AuditRows.forSubject(c, subject, limit));
    }

    /** The personal data an entry refers to; empty once erased. */
    public Optional<String> personalData(long ref) {
        session.require(Permission.VIEW_AUDIT);
        return Optional.ofNullable(store.read(c -> AuditRows.personalData(c, ref)));
    }

    /**
     * Erases the personal data behind {@code ref}, for a data-subject request. The chain stays
     * intact because it hashes only the reference; the erasure itself is audited.
     */
    public boolean erasePersonalData(long ref, String reason) {
        session.require(Permission.ERASE_PERSONAL_DATA);
        return store.write(c -> {
            boolean erased = AuditRows.erasePersonalData(c, ref, clock.instant());
            if (erased) {
                appendIn(c, "audit.personal-data.erased", "personal-data/" + ref, Map.of("reason", reason), null);
            }
            return erased;
        });
    }

    @Override
    public ChainVerification verify(VerifyProgress progress) {
        session.require(Permission.VERIFY_AUDIT);
        return store.read(c -> verifyChain(c, progress));
    }

    private static ChainVerification verifyChain(Connection c, VerifyProgress progress) throws SQLException {
        long total = AuditRows.count(c);
        long expected = 1;
        String previousHash = AuditHasher.GENESIS;
        long checked = 0;
        while (true) {
            if (progress.cancelled()) {
                throw new CancellationException("audit verification cancelled after " + checked + " entries");
            }
            List<AuditEntry> page;
            try {
                page = AuditRows.page(c, expected - 1, VERIFY_PAGE);
            } catch (AuditRows.UnreadableEntryException e) {
                return ChainVerification.broken(checked, e.sequence(), "the entry's fields cannot be read (" + e.getMessage() + ")");
            }
            if (page.isEmpty()) {
                return ChainVerification.intact(checked, previousHash);
            }
            for (AuditEntry entry : page) {
                String problem = problemWith(entry, expected, previousHash);
                if (problem != null) {
                    return ChainVerification.broken(checked, expected, problem);
                }
                previousHash = entry.hash();
                expected++;
                checked++;
            }
            progress.checked(checked, total);
        }
    }

    private static String problemWith(AuditEntry entry, long expectedSequence, String previousHash) {
        if (entry.sequence() != expectedSequence) {
            return "entry " + expectedSequence + " is missing: entry " + (expectedSequence - 1)
                    + " is followed by entry " + entry.sequence();
        }
        if (!entry.previousHash().equals(previousHash)) {
            return "its previous-hash does not match entry " + (expectedSequence - 1)
                    + ": entries were removed, inserted or reordered";
        }
        if (!AuditHasher.hash(entry).equals(entry.hash())) {
            return "its content does not match its hash: the entry was altered";
        }
        return null;
    }
}
