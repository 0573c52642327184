package io.gatehouse.data.operator.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.audit.AuditEntry;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.PermissionDeniedException;
import io.gatehouse.data.operator.ProofKind;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.SoftwareToken;
import io.gatehouse.data.testing.TestCertificates;
import io.gatehouse.data.testing.TestOperators;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardPresenceTest {
    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private final SoftwareToken aliceCard = new SoftwareToken("alice-card");
    private final SoftwareToken otherCard = new SoftwareToken("other-card");
    private final CardPresence presence = new CardPresence(clock, CardPresence.DEFAULT_TOLERANCE);
    private LocalStore store;
    private LocalOperatorSession alice;
    private LocalOperatorSession lead;
    private final List<String> proofs = new ArrayList<>();

    @BeforeEach
    void open() {
        store = LocalStore.open(tmp.resolve("data"));
        alice = new LocalOperatorSession(TestOperators.operator("alice", Role.KEY_CUSTODIAN), clock,
                c -> java.util.Arrays.equals(c, TestOperators.PASSPHRASE));
        alice.onProofAttempt((kind, ok) -> proofs.add(kind + ":" + ok));
        lead = new LocalOperatorSession(TestOperators.operator("lena", Role.LEAD), clock,
                c -> java.util.Arrays.equals(c, TestOperators.PASSPHRASE));
        aliceCard.generateKeyPair(KeyAlgorithm.EC_P256, "PIV AUTH key", new byte[] {1});
        otherCard.generateKeyPair(KeyAlgorithm.EC_P256, "PIV AUTH key", new byte[] {1});
    }

    @AfterEach
    void close() {
        store.close();
    }

    private X509Certificate aliceCertificate(Instant notBefore, Instant notAfter) {
        return TestCertificates.issue(aliceCard.publicKey("PIV AUTH key"), "Alice", notBefore, notAfter);
    }

    private EnrolledCard enrolAlice(X509Certificate certificate) throws Exception {
        AuditLog aliceLog = new AuditLog(store, alice, clock);
        new CardEnrolments(store, aliceLog, alice, clock).request(certificate.getEncoded(), "PIV AUTH key");
        lead.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
        return new CardEnrolments(store, new AuditLog(store, lead, clock), lead, clock).approve("alice");
    }

    @Test
    void theEnrolledCardSigningAFreshChallengeIsAStrongProof() throws Exception {
        EnrolledCard card = enrolAlice(aliceCertificate(clock.instant().minusSeconds(60), clock.instant().plus(Duration.ofDays(365))));
        presence.prove(alice, aliceCard, card);
        assertThat(alice.requireFreshProof(Duration.ofMinutes(5))).isEqualTo(ProofKind.SMARTCARD);
        assertThat(proofs).containsExactly("SMARTCARD:true");
        List<AuditEntry> audit = new AuditLog(store, lead, clock).find(AuditQuery.latest(10));
        assertThat(audit).extracting(AuditEntry::action).containsExactly("operator.card.enrolled", "operator.card.requested");
        assertThat(audit.getFirst().actorId()).isEqualTo("lena");
        assertThat(audit.getFirst().details()).containsEntry("fingerprint", card.fingerprint()).containsEntry("subject", "CN=Alice");
    }

    @Test
    void anotherCardWithTheRightPinIsNotAProof() throws Exception {
        EnrolledCard card = enrolAlice(aliceCertificate(clock.instant().minusSeconds(60), clock.instant().plus(Duration.ofDays(365))));
        assertThatThrownBy(() -> presence.prove(alice, otherCard, card))
                .isInstanceOf(GatehouseException.class)
                .hasMessageContaining("this is not the enrolled card");
        assertThat(proofs).containsExactly("SMARTCARD:false");
        assertThatThrownBy(() -> alice.requireFreshProof(Duration.ofMinutes(5))).isInstanceOf(GatehouseException.class);
    }

    @Test
    void aProofWhoseTimeIsFarFromTheConsoleClockIsRefused() throws Exception {
        EnrolledCard card = enrolAlice(aliceCertificate(clock.instant().minus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(365))));
        CardChallenge stale = CardChallenge.issue("alice", ManualClock.at("2026-11-25T09:50:00Z"));
        byte[] signature = aliceCard.sign("PIV AUTH key", card.mechanism(), stale.payload());
        assertThatThrownBy(() -> presence.verify(card, stale, signature))
                .hasMessageContaining("600 s away from this console's clock").hasMessageContaining("Check the clock");
        CardChallenge future = CardChallenge.issue("alice", ManualClock.at("2026-11-25T10:03:00Z"));
        assertThatThrownBy(() -> presence.verify(card, future, aliceCard.sign("PIV AUTH key", card.mechanism(), future.payload())))
                .hasMessageContaining("180 s away");
        CardChallenge fresh = CardChallenge.issue("alice", ManualClock.at("2026-11-25T09:59:00Z"));
        presence.verify(card, fresh, aliceCard.sign("PIV AUTH key", card.mechanism(), fresh.payload()));
    }

    @Test
    void aChallengeForSomeoneElseOrAnExpiredCertificateIsRefused() throws Exception {
        EnrolledCard card = enrolAlice(aliceCertificate(clock.instant().minus(Duration.ofDays(400)), clock.instant().minus(Duration.ofDays(1))));
        CardChallenge forBob = CardChallenge.issue("bob", clock);
        assertThatThrownBy(() -> presence.verify(card, forBob, aliceCard.sign("PIV AUTH key", card.mechanism(), forBob.payload())))
                .hasMessageContaining("for bob, not for alice");
        assertThatThrownBy(() -> presence.prove(alice, aliceCard, card)).hasMessageContaining("certificate expired");
    }

    @Test
    void enrolmentNeedsAnotherLeadsFreshApproval() throws Exception {
        X509Certificate cert = aliceCertificate(clock.instant(), clock.instant().plus(Duration.ofDays(30)));
        CardEnrolments asAlice = new CardEnrolments(store, new AuditLog(store, alice, clock), alice, clock);
        asAlice.request(cert.getEncoded(), "PIV AUTH key");
        assertThat(asAlice.pending("alice")).isTrue();
        assertThat(asAlice.enrolled("alice")).isEmpty();
        assertThatThrownBy(() -> asAlice.approve("alice")).isInstanceOf(PermissionDeniedException.class);

        LocalOperatorSession lenaAsAlice = new LocalOperatorSession(TestOperators.operator("alice", Role.LEAD), clock, c -> true);
        lenaAsAlice.proveWithPassphrase("x".toCharArray());
        CardEnrolments self = new CardEnrolments(store, new AuditLog(store, lenaAsAlice, clock), lenaAsAlice, clock);
        assertThatThrownBy(() -> self.approve("alice")).hasMessageContaining("cannot approve their own card");

        CardEnrolments asLead = new CardEnrolments(store, new AuditLog(store, lead, clock), lead, clock);
        assertThatThrownBy(() -> asLead.approve("alice")).hasMessageContaining("confirm it is you");
        lead.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
        asLead.approve("alice");
        assertThat(asLead.enrolled("alice")).isPresent();
        assertThatThrownBy(() -> asLead.approve("alice")).hasMessageContaining("already enrolled");
        assertThat(asLead.revoke("alice", "card lost")).isTrue();
        assertThat(asLead.enrolled("alice")).isEmpty();
    }

    @Test
    void somethingThatIsNotACertificateIsRefusedClearly() {
        CardEnrolments asAlice = new CardEnrolments(store, new AuditLog(store, alice, clock), alice, clock);
        assertThatThrownBy(() -> asAlice.request("not a certificate".getBytes(), "PIV AUTH key"))
                .hasMessageContaining("not an X.509 certificate");
        assertThat(asAlice.pending("alice")).isFalse();
    }

    @Test
    void aCardEnrolledForSomeoneElseIsRefusedBeforeItSigns() throws Exception {
        EnrolledCard card = enrolAlice(aliceCertificate(clock.instant(), clock.instant().plus(Duration.ofDays(30))));
        assertThatThrownBy(() -> presence.prove(lead, aliceCard, card)).hasMessageContaining("enrolled for alice, not for lena");
    }
}
