package io.gatehouse.data.audit;

import java.util.List;

/** Read side of the audit log, for views and the command line. Both calls check permissions. */
public interface AuditReader {
    List<AuditEntry> find(AuditQuery query);

    /** Walks the whole chain; stops early with a {@link java.util.concurrent.CancellationException} when asked. */
    ChainVerification verify(VerifyProgress progress);
}
