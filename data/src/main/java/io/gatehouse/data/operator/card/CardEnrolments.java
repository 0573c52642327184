package io.gatehouse.data.operator.card;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.operator.OperatorSession;
import io.gatehouse.data.operator.Permission;
import io.gatehouse.data.store.LocalStore;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Binds operators to their smartcard certificates. Anyone may ask for a binding, for themselves; a lead other
 * than the operator approves it after proving presence, and only then does the card count. Every step is
 * audited with the certificate's fingerprint and subject.
 */
public final class CardEnrolments {
    /** How recent the approving lead's proof of presence must be. */
    public static final Duration PROOF_MAX_AGE = Duration.ofMinutes(5);

    private final LocalStore store;
    private final AuditLog audit;
    private final OperatorSession session;
    private final InstantSource clock;

    public CardEnrolments(LocalStore store, AuditLog audit, OperatorSession session, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.session = Objects.requireNonNull(session, "session");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The signed-in operator asks to bind their card; replaces an earlier request or binding of theirs. */
    public void request(byte[] certificateDer, String keyLabel) {
        String operatorId = session.operator().id();
        X509Certificate certificate = parse(certificateDer);
        EnrolledCard card = new EnrolledCard(operatorId, certificate, keyLabel);
        card.mechanism(); // refuses key types no card proof can use, before anything is stored
        store.write(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM operator_card WHERE operator_id = ?")) {
                delete.setString(1, operatorId);
                delete.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO operator_card (operator_id, certificate,"
                    + " fingerprint, key_label, requested_by, requested_ms) VALUES (?,?,?,?,?,?)")) {
                s.setString(1, operatorId);
                s.setBytes(2, certificateDer.clone());
                s.setString(3, card.fingerprint());
                s.setString(4, keyLabel);
                s.setString(5, operatorId);
                s.setLong(6, clock.millis());
                s.executeUpdate();
            }
            audit.appendIn(c, "operator.card.requested", "operator/" + operatorId, details(card), null);
            return null;
        });
    }

    /** A lead approves another operator's pending request. */
    public EnrolledCard approve(String operatorId) {
        session.require(Permission.ENROL_OPERATORS);
        String lead = session.operator().id();
        if (lead.equals(operatorId)) {
            throw new GatehouseException(FailureKind.PERMISSION, "A lead cannot approve their own card;"
                    + " ask another lead to approve it.");
        }
        session.requireFreshProof(PROOF_MAX_AGE);
        return store.write(c -> {
            Row row = find(c, operatorId).orElseThrow(() -> new GatehouseException(FailureKind.CHECK_FAILED,
                    "No card enrolment is waiting for " + operatorId + ". The operator asks for one first."));
            if (row.approvedBy() != null) {
                throw new GatehouseException(FailureKind.CHECK_FAILED, "The card of " + operatorId
                        + " is already enrolled (approved by " + row.approvedBy() + ").");
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE operator_card SET approved_by = ?, approved_ms = ? WHERE operator_id = ?")) {
                s.setString(1, lead);
                s.setLong(2, clock.millis());
                s.setString(3, operatorId);
                s.executeUpdate();
            }
            audit.appendIn(c, "operator.card.enrolled", "operator/" + operatorId, details(row.card()), null);
            return row.card();
        });
    }

    /** A lead removes a binding, for a lost or replaced card. */
    public boolean revoke(String operatorId, String reason) {
        session.require(Permission.ENROL_OPERATORS);
        return store.write(c -> {
            Optional<Row> row = find(c, operatorId);
            if (row.isEmpty()) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM operator_card WHERE operator_id = ?")) {
                s.setString(1, operatorId);
                s.executeUpdate();
            }
            Map<String, String> details = new java.util.TreeMap<>(details(row.get().card()));
            details.put("reason", reason == null ? "" : reason);
            audit.appendIn(c, "operator.card.revoked", "operator/" + operatorId, details, null);
            return true;
        });
    }

    /** The approved card of an operator, if any. */
    public Optional<EnrolledCard> enrolled(String operatorId) {
        return store.read(c -> find(c, operatorId)).filter(r -> r.approvedBy() != null).map(Row::card);
    }

    /** Whether a request waits for approval. */
    public boolean pending(String operatorId) {
        return store.read(c -> find(c, operatorId)).filter(r -> r.approvedBy() == null).isPresent();
    }

    /** One binding as the lead's list shows it. */
    public record Binding(String operatorId, String fingerprint, String subject, java.time.Instant notAfter,
            String keyLabel, String approvedBy) {
        public boolean approved() {
            return approvedBy != null;
        }
    }

    /** Every binding and request, by operator id. */
    public java.util.List<Binding> list() {
        session.require(Permission.ENROL_OPERATORS);
        return store.read(c -> {
            java.util.List<Binding> out = new java.util.ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT operator_id FROM operator_card ORDER BY operator_id");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Row row = find(c, r.getString(1)).orElseThrow();
                    EnrolledCard card = row.card();
                    out.add(new Binding(card.operatorId(), card.fingerprint(),
                            card.certificate().getSubjectX500Principal().getName(),
                            card.certificate().getNotAfter().toInstant(), card.keyLabel(), row.approvedBy()));
                }
            }
            return out;
        });
    }

    private record Row(EnrolledCard card, String approvedBy) {
    }

    private static Optional<Row> find(Connection c, String operatorId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT certificate, key_label, approved_by FROM operator_card WHERE operator_id = ?")) {
            s.setString(1, operatorId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(new EnrolledCard(operatorId, parse(r.getBytes(1)), r.getString(2)),
                        r.getString(3)));
            }
        }
    }

    private static Map<String, String> details(EnrolledCard card) {
        X509Certificate cert = card.certificate();
        return Map.of("fingerprint", card.fingerprint(), "subject", cert.getSubjectX500Principal().getName(),
                "issuer", cert.getIssuerX500Principal().getName(), "notAfter", cert.getNotAfter().toInstant().toString(),
                "keyLabel", card.keyLabel());
    }

    private static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new GatehouseException(FailureKind.CONFIGURATION,
                    "That is not an X.509 certificate; export the card's certificate in DER or PEM form.", e);
        }
    }
}
