package io.gatehouse.connectors.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.connectors.jwks.JwksRegistryClient;
import io.gatehouse.connectors.sandbox.SandboxOptions;
import io.gatehouse.connectors.sandbox.SandboxServer;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.audit.VerifyProgress;
import io.gatehouse.data.keys.KeyCustody;
import io.gatehouse.data.keys.KeyVersion;
import io.gatehouse.data.keys.KeyVersionState;
import io.gatehouse.data.keys.RotationPolicy;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.operator.card.CardEnrolments;
import io.gatehouse.data.operator.card.CardPresence;
import io.gatehouse.data.operator.card.EnrolledCard;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.TestCertificates;
import io.gatehouse.data.testing.TestOperators;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dual-control destruction with two custodians' smartcards, each a real SoftHSM2 token: each card signs a
 * fresh challenge after its PIN, checked against the certificate a lead enrolled for that custodian.
 */
class CardDualControlTest {
    private static final String CARD_KEY = "PIV AUTH key";

    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");

    private LocalOperatorSession custodian(String id) {
        return new LocalOperatorSession(TestOperators.operator(id, Role.KEY_CUSTODIAN), clock,
                c -> Arrays.equals(c, TestOperators.PASSPHRASE));
    }

    private EnrolledCard enrol(LocalStore store, LocalOperatorSession who, TokenSession card, LocalOperatorSession lead)
            throws Exception {
        card.generateKeyPair(KeyAlgorithm.EC_P256, CARD_KEY, new byte[] {0x0a});
        byte[] der = TestCertificates.issue(card.publicKey(CARD_KEY), who.operator().displayName(),
                clock.instant().minusSeconds(60), clock.instant().plus(Duration.ofDays(3 * 365))).getEncoded();
        new CardEnrolments(store, new AuditLog(store, who, clock), who, clock).request(der, CARD_KEY);
        return new CardEnrolments(store, new AuditLog(store, lead, clock), lead, clock).approve(who.operator().id());
    }

    @Test
    void twoCustodiansCardsDestroyADueKeyAndNothingLessWill() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults(3, Instant.parse("2026-03-02T00:00:00Z")));
                LocalStore store = LocalStore.open(tmp.resolve("data"));
                TokenSession signingToken = open(SoftHsm.ROTATION);
                TokenSession kimCard = open(SoftHsm.CARD_KIM);
                TokenSession louCard = open(SoftHsm.CARD_LOU)) {
            LocalOperatorSession kim = custodian("kim");
            LocalOperatorSession lou = custodian("lou");
            LocalOperatorSession lead = new LocalOperatorSession(TestOperators.operator("lena", Role.LEAD), clock,
                    c -> Arrays.equals(c, TestOperators.PASSPHRASE));
            lead.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
            EnrolledCard kimEnrolled = enrol(store, kim, kimCard, lead);
            EnrolledCard louEnrolled = enrol(store, lou, louCard, lead);

            AuditLog audit = new AuditLog(store, kim, clock);
            JwksRegistryClient registry = RotationRig.registry(sandbox.baseUrl(), sandbox.adminToken());
            KeyCustody custody = new KeyCustody(store, audit, kim, signingToken, registry, clock);
            custody.requireSmartcardProofs();
            String ring = "checkout-cards";
            custody.createRing(ring, RotationPolicy.defaults(KeyAlgorithm.EC_P256));
            custody.rotate(ring);
            custody.rotate(ring);
            clock.advance(Duration.ofMinutes(70));
            custody.retire(ring, 1);
            clock.advance(Duration.ofDays(30));
            assertThat(custody.due()).extracting(KeyVersion::number).containsExactly(1);

            kim.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
            lou.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
            assertThatThrownBy(() -> custody.destroyDue(kim, lou)).hasMessageContaining("smartcard")
                    .hasMessageContaining("kim confirmed with a passphrase only");

            CardPresence presence = new CardPresence(clock, CardPresence.DEFAULT_TOLERANCE);
            presence.prove(kim, kimCard, kimEnrolled);
            assertThatThrownBy(() -> presence.prove(lou, kimCard, louEnrolled))
                    .as("lou holding kim's card").hasMessageContaining("not the enrolled card");
            assertThatThrownBy(() -> custody.destroyDue(kim, lou)).hasMessageContaining("lou confirmed with a passphrase only");
            LocalOperatorSession kimAgain = custodian("kim");
            presence.prove(kimAgain, kimCard, kimEnrolled);
            assertThatThrownBy(() -> custody.destroyDue(kim, kimAgain)).hasMessageContaining("two different custodians");

            presence.prove(lou, louCard, louEnrolled);
            List<KeyVersion> destroyed = custody.destroyDue(kim, lou);
            assertThat(destroyed).extracting(KeyVersion::state).containsExactly(KeyVersionState.DESTROYED);
            assertThat(SoftHsm.pkcs11Tool(SoftHsm.ROTATION, "--list-objects", "--type", "privkey"))
                    .doesNotContain(ring + "-v1").contains(ring + "-v2");
            assertThat(audit.find(new AuditQuery(null, "key.version.destroyed", null, null, null, 10)).getFirst().details())
                    .containsEntry("custodians", "kim,lou").containsEntry("proofs", "smartcard,smartcard");
            assertThat(audit.verify(VerifyProgress.NONE).intact()).isTrue();
        }
    }

    private static TokenSession open(String tokenLabel) {
        return SoftHsm.port().openSession(tokenLabel, SoftHsm.pin());
    }
}
