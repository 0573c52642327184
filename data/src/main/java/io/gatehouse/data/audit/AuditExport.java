package io.gatehouse.data.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.data.operator.OperatorSession;
import io.gatehouse.data.operator.Permission;
import io.gatehouse.data.store.LocalStore;
import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Writes the audit chain as JSON Lines for a central log store: one {@code "type":"entry"} line per entry
 * carrying exactly the fields its hash covers plus the hash, then one {@code "type":"head"} line per signed
 * head with its signature and the signer's public key. A receiver can recompute every hash and link, and
 * verify every head signature, without Gatehouse.
 *
 * <p>The log holds who did what to which order, so exporting it is a sensitive act: it needs the
 * permission to read the audit log and a fresh proof of presence, and it is itself audited.
 */
public final class AuditExport {
    /** How recent the proof of presence must be. */
    public static final Duration PROOF_MAX_AGE = Duration.ofMinutes(5);
    private static final int PAGE = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    private final LocalStore store;
    private final OperatorSession session;
    private final AuditLog log;

    public AuditExport(LocalStore store, OperatorSession session, AuditLog log) {
        this.store = Objects.requireNonNull(store, "store");
        this.session = Objects.requireNonNull(session, "session");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** What an export wrote. */
    public record Summary(long entries, int signedHeads, String headHash) {
    }

    /**
     * Writes the chain up to its head at the moment the export starts; entries appended meanwhile belong
     * to the next export. Progress is reported per page, and cancelling stops between pages.
     */
    public Summary writeJsonLines(Writer out, VerifyProgress progress) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(progress, "progress");
        session.require(Permission.VIEW_AUDIT);
        session.requireFreshProof(PROOF_MAX_AGE);
        Summary summary = store.read(c -> write(c, out, progress));
        log.append("audit.exported", "audit-chain", Map.of("format", "jsonl",
                "entries", Long.toString(summary.entries()), "signedHeads", Integer.toString(summary.signedHeads()),
                "head", summary.headHash()));
        return summary;
    }

    private static Summary write(Connection c, Writer out, VerifyProgress progress) throws SQLException {
        AuditRows.Head head = AuditRows.head(c);
        long written = 0;
        try {
            while (written < head.sequence()) {
                if (progress.cancelled()) {
                    throw new CancellationException("audit export cancelled after " + written + " entries");
                }
                List<AuditEntry> page = AuditRows.page(c, written, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                for (AuditEntry entry : page) {
                    if (entry.sequence() > head.sequence()) {
                        break;
                    }
                    writeLine(out, entryLine(entry));
                    written = entry.sequence();
                }
                progress.checked(written, head.sequence());
            }
            List<SignedHeadRows.Row> heads = SignedHeadRows.all(c);
            for (SignedHeadRows.Row row : heads) {
                if (row.head().sequence() <= head.sequence()) {
                    writeLine(out, headLine(row));
                }
            }
            out.flush();
            int signed = (int) heads.stream().filter(r -> r.head().sequence() <= head.sequence()).count();
            return new Summary(written, signed, head.hash());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode entryLine(AuditEntry entry) {
        ObjectNode line = JSON.createObjectNode();
        line.put("type", "entry");
        line.setAll(AuditHasher.hashedFields(entry));
        line.put("hash", entry.hash());
        return line;
    }

    private static ObjectNode headLine(SignedHeadRows.Row row) {
        Base64.Encoder b64 = Base64.getEncoder();
        SignedHead head = row.head();
        ObjectNode line = JSON.createObjectNode();
        line.put("type", "head");
        line.put("seq", head.sequence());
        line.put("hash", head.headHash());
        line.put("keyId", head.keyId());
        line.put("keyLabel", head.keyLabel());
        line.put("signedAt", head.signedAt().toString());
        line.put("mechanism", row.mechanism());
        // the signed bytes are rebuilt from these fields as RFC 8785 JSON: {type:"gatehouse-audit-head",seq,hash,keyId,signedAt}
        line.put("signature", row.signature() == null ? null : b64.encodeToString(row.signature()));
        line.put("publicKey", row.publicKey() == null ? null : b64.encodeToString(row.publicKey()));
        return line;
    }

    private static void writeLine(Writer out, ObjectNode line) throws IOException {
        JSON.writeValue(out, line);
        out.write('\n');
    }
}
