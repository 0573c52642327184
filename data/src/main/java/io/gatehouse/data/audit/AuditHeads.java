package io.gatehouse.data.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.data.keys.SpkiKeys;
import io.gatehouse.data.keys.token.SignatureMechanism;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.operator.OperatorSession;
import io.gatehouse.data.operator.Permission;
import io.gatehouse.data.store.LocalStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Signs the audit chain's head with a key on the token, and checks those signatures later. A hash
 * chain alone cannot show that its newest entries were cut off: the shortened chain is still a
 * valid chain. A signed head can, because it names a sequence and hash the chain must still reach.
 */
public final class AuditHeads {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalStore store;
    private final OperatorSession session;
    private final InstantSource clock;

    public AuditHeads(LocalStore store, OperatorSession session, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.session = Objects.requireNonNull(session, "session");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Signs the current head with the key pair {@code keyLabel} on the token and stores the
     * signature with the key's public half. Device I/O happens outside any store transaction.
     */
    public SignedHead sign(TokenSession token, String keyLabel, SignatureMechanism mechanism) {
        AuditRows.Head head = store.read(AuditRows::head);
        PublicKey key = token.publicKey(keyLabel);
        byte[] spki = key.getEncoded();
        String keyId = keyId(spki);
        SignedHead signed = new SignedHead(head.sequence(), head.hash(), keyId, keyLabel,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        byte[] signature = token.sign(keyLabel, mechanism, payload(signed));
        store.write(c -> {
            SignedHeadRows.recordKey(c, keyId, keyLabel, mechanism.name(), spki, signed.signedAt());
            SignedHeadRows.insert(c, signed, signature);
            return null;
        });
        return signed;
    }

    /** Checks every stored signature against its recorded key, and that the chain still holds each signed head. */
    public HeadCheck verify() {
        session.require(Permission.VERIFY_AUDIT);
        return store.read(AuditHeads::check);
    }

    private static HeadCheck check(Connection c) throws SQLException {
        List<SignedHeadRows.Row> rows = SignedHeadRows.all(c);
        long last = 0;
        long chainEnd = AuditRows.head(c).sequence();
        int checked = 0;
        for (SignedHeadRows.Row row : rows) {
            SignedHead head = row.head();
            if (row.publicKey() == null) {
                return HeadCheck.failed(checked, last, "the head signed at " + head.signedAt()
                        + " names a signing key that is not recorded");
            }
            boolean valid;
            try {
                PublicKey key = SpkiKeys.decode(row.publicKey());
                valid = keyId(row.publicKey()).equals(head.keyId())
                        && SpkiKeys.verify(key, SignatureMechanism.valueOf(row.mechanism()), payload(head), row.signature());
            } catch (IllegalArgumentException e) {
                valid = false;
            }
            if (!valid) {
                return HeadCheck.failed(checked, last, "the signature on the head signed at " + head.signedAt()
                        + " (entry " + head.sequence() + ") does not verify with key '" + head.keyLabel() + "'");
            }
            last = Math.max(last, head.sequence());
            if (head.sequence() > 0) {
                String hash = SignedHeadRows.entryHash(c, head.sequence());
                if (hash == null) {
                    return HeadCheck.failed(checked, last, "the tail was truncated: the chain ends at entry " + chainEnd
                            + ", but a head signed at " + head.signedAt() + " covers entry " + head.sequence());
                }
                if (!hash.equals(head.headHash())) {
                    return HeadCheck.failed(checked, last, "entry " + head.sequence()
                            + " is not the entry that was signed at " + head.signedAt() + ": the chain was rewritten");
                }
            }
            checked++;
        }
        return HeadCheck.ok(checked, last);
    }

    /** The signed bytes: RFC 8785 canonical JSON, so another tool can rebuild them. */
    static byte[] payload(SignedHead head) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "gatehouse-audit-head");
        node.put("seq", head.sequence());
        node.put("hash", head.headHash());
        node.put("keyId", head.keyId());
        node.put("signedAt", head.signedAt().toString());
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(node)).getEncodedString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("audit head cannot be canonicalized", e);
        }
    }

    /** For tests and tools: when the chain was last signed, if ever. */
    public java.util.Optional<SignedHead> latest() {
        return store.read(c -> {
            List<SignedHeadRows.Row> rows = SignedHeadRows.all(c);
            return rows.isEmpty() ? java.util.Optional.<SignedHead>empty() : java.util.Optional.of(rows.getLast().head());
        });
    }

    private static String keyId(byte[] spki) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(spki));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
