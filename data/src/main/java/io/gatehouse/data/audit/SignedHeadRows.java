package io.gatehouse.data.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** SQL for the signed heads and the keys that signed them. */
final class SignedHeadRows {
    private SignedHeadRows() {
    }

    /** A stored signed head with what is needed to check it. */
    record Row(SignedHead head, String mechanism, byte[] publicKey, byte[] signature) {
    }

    static void recordKey(Connection c, String keyId, String label, String mechanism, byte[] spki, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("MERGE INTO audit_signing_key (key_id, key_label, mechanism,"
                + " public_key, recorded_at) KEY (key_id) VALUES (?,?,?,?,?)")) {
            s.setString(1, keyId);
            s.setString(2, label);
            s.setString(3, mechanism);
            s.setBytes(4, spki);
            s.setString(5, at.toString());
            s.executeUpdate();
        }
    }

    static void insert(Connection c, SignedHead head, byte[] signature) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_signed_head (seq, head_hash, key_id,"
                + " signed_at, signature) VALUES (?,?,?,?,?)")) {
            s.setLong(1, head.sequence());
            s.setString(2, head.headHash());
            s.setString(3, head.keyId());
            s.setString(4, head.signedAt().toString());
            s.setBytes(5, signature);
            s.executeUpdate();
        }
    }

    static List<Row> all(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT h.seq, h.head_hash, h.key_id, k.key_label, h.signed_at,"
                + " k.mechanism, k.public_key, h.signature FROM audit_signed_head h"
                + " LEFT JOIN audit_signing_key k ON k.key_id = h.key_id ORDER BY h.id");
                ResultSet r = s.executeQuery()) {
            List<Row> out = new ArrayList<>();
            while (r.next()) {
                out.add(new Row(new SignedHead(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                        Instant.parse(r.getString(5))), r.getString(6), r.getBytes(7), r.getBytes(8)));
            }
            return out;
        }
    }

    /** The hash of entry {@code seq}, or null when there is no such entry. */
    static String entryHash(Connection c, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT hash FROM audit_entry WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
