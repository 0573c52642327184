package io.gatehouse.data.evidence;

import io.gatehouse.data.audit.AuditReader;
import io.gatehouse.data.audit.ChainVerification;
import io.gatehouse.data.audit.VerifyProgress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The audit chain verifies end to end: every entry's hash holds and links to the one before. */
public final class AuditChainEvidence implements EvidenceProvider {
    static final String SOURCE = "Audit log";
    private final AuditReader audit;

    public AuditChainEvidence(AuditReader audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    @Override
    public String check() {
        return EvidenceChecks.AUDIT_CHAIN_INTACT;
    }

    @Override
    public Optional<Measurement> measure(Instant now) {
        ChainVerification result = audit.verify(VerifyProgress.NONE);
        if (result.count() == 0) {
            return Optional.empty();
        }
        String finding = result.intact()
                ? "Audit chain intact over " + result.count() + " entries"
                : "Audit chain broken at entry " + result.firstBrokenSequence() + ": " + result.problem();
        return Optional.of(new Measurement(check(), result.intact() ? 1 : 0, finding, SOURCE, now));
    }
}
