package io.gatehouse.data.evidence;

import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.audit.AuditReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Analysts' decisions are audited: the desk writes each decision's audit entry in the same
 * transaction as its outbox row, so decision entries in the window show the trail is being kept.
 */
public final class DecisionsAuditedEvidence implements EvidenceProvider {
    static final Duration WINDOW = Duration.ofDays(90);
    static final List<String> DECISION_ACTIONS = List.of("case.decided", "case.decided.four-eyes");
    private static final int LIMIT = 10_000;
    private final AuditReader audit;

    public DecisionsAuditedEvidence(AuditReader audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    @Override
    public String check() {
        return EvidenceChecks.DECISIONS_AUDITED;
    }

    @Override
    public Optional<Measurement> measure(Instant now) {
        Instant from = now.minus(WINDOW);
        int count = 0;
        for (String action : DECISION_ACTIONS) {
            count += audit.find(new AuditQuery(null, action, null, from, now, LIMIT)).size();
        }
        if (count == 0) {
            return Optional.empty();
        }
        String finding = count + (count >= LIMIT ? "+" : "") + " decisions recorded in the audit chain in the last "
                + WINDOW.toDays() + " days";
        return Optional.of(new Measurement(check(), 1, finding, AuditChainEvidence.SOURCE, now));
    }
}
