package io.gatehouse.connectors.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.audit.AuditEntry;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.TokenException;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.ProofKind;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.operator.card.CardEnrolments;
import io.gatehouse.data.operator.card.CardPresence;
import io.gatehouse.data.operator.presence.LockReason;
import io.gatehouse.data.operator.presence.OperatorCard;
import io.gatehouse.data.operator.presence.SessionGuard;
import io.gatehouse.data.operator.presence.SmartcardProof;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.TestCertificates;
import io.gatehouse.data.testing.TestOperators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing in to the console, unlocking it and stepping up with an operator's smartcard, each card a real
 * SoftHSM2 token: the PIN opens the card, the card signs a fresh challenge, the console checks it against the
 * enrolled certificate.
 */
class CardSignInTest {
    private static final String KEY = "sign-in key";

    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");

    @Test
    void theEnrolledCardSignsInUnlocksAndStepsUpAndNothingElseDoes() throws Exception {
        try (LocalStore store = LocalStore.open(tmp.resolve("data"))) {
            LocalOperatorSession ana = new LocalOperatorSession(TestOperators.operator("ana", Role.KEY_CUSTODIAN), clock,
                    c -> false);
            AuditLog audit = new AuditLog(store, ana, clock);
            try (TokenSession anaCard = SoftHsm.port().openSession(SoftHsm.CARD_ANA, SoftHsm.pin());
                    TokenSession benCard = SoftHsm.port().openSession(SoftHsm.CARD_BEN, SoftHsm.pin())) {
                anaCard.generateKeyPair(KeyAlgorithm.EC_P256, KEY, new byte[] {0x21});
                benCard.generateKeyPair(KeyAlgorithm.EC_P256, KEY, new byte[] {0x22});
                byte[] der = TestCertificates.issue(anaCard.publicKey(KEY), "Ana", clock.instant().minusSeconds(60),
                        clock.instant().plus(Duration.ofDays(30))).getEncoded();
                new CardEnrolments(store, audit, ana, clock).request(der, KEY);
                LocalOperatorSession lead = new LocalOperatorSession(TestOperators.operator("lena", Role.LEAD), clock,
                        c -> Arrays.equals(c, TestOperators.PASSPHRASE));
                lead.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
                new CardEnrolments(store, new AuditLog(store, lead, clock), lead, clock).approve("ana");
            }
            // the sessions above are closed, so the next open logs in again and needs the PIN

            AtomicReference<String> reader = new AtomicReference<>(SoftHsm.CARD_ANA);
            OperatorCard card = pin -> SoftHsm.port().openSession(reader.get(), pin);
            SessionGuard guard = new SessionGuard(ana, new SmartcardProof(card,
                    new CardEnrolments(store, audit, ana, clock)::enrolled, new CardPresence(clock, CardPresence.DEFAULT_TOLERANCE)),
                    audit::append, clock, Duration.ofMinutes(10), Duration.ofMinutes(5));

            assertThatThrownBy(() -> guard.signIn("0000".toCharArray())).isInstanceOf(TokenException.class)
                    .extracting(e -> ((TokenException) e).reason()).isEqualTo(TokenException.Reason.WRONG_PIN);
            reader.set("no-such-card");
            assertThatThrownBy(() -> guard.signIn(SoftHsm.PIN.toCharArray())).isInstanceOf(TokenException.class)
                    .extracting(e -> ((TokenException) e).reason()).isEqualTo(TokenException.Reason.NO_SUCH_TOKEN);
            reader.set(SoftHsm.CARD_BEN);
            assertThatThrownBy(() -> guard.signIn(SoftHsm.PIN.toCharArray()))
                    .as("C_Login on another card succeeds, and proves nothing").hasMessageContaining("not the enrolled card");
            assertThat(guard.signedIn()).isFalse();

            reader.set(SoftHsm.CARD_ANA);
            guard.signIn(SoftHsm.PIN.toCharArray());
            assertThat(ana.requireFreshProof(Duration.ofMinutes(5))).isEqualTo(ProofKind.SMARTCARD);

            clock.advance(Duration.ofMinutes(11));
            assertThat(guard.lockIfIdle()).isTrue();
            reader.set(SoftHsm.CARD_BEN);
            assertThatThrownBy(() -> guard.unlock(SoftHsm.PIN.toCharArray())).hasMessageContaining("not the enrolled card");
            reader.set(SoftHsm.CARD_ANA);
            guard.unlock(SoftHsm.PIN.toCharArray());
            assertThat(guard.locked()).isFalse();
            assertThat(guard.fresh()).isTrue();
            clock.advance(Duration.ofMinutes(6));
            assertThat(guard.fresh()).isFalse();
            guard.stepUp("audit.export", SoftHsm.PIN.toCharArray());
            assertThat(guard.fresh()).isTrue();

            clock.advance(Duration.ofDays(31));
            guard.lock(LockReason.MANUAL);
            assertThatThrownBy(() -> guard.unlock(SoftHsm.PIN.toCharArray())).hasMessageContaining("certificate expired");

            assertThat(audit.find(AuditQuery.latest(100))).extracting(AuditEntry::action)
                    .contains("operator.signin", "operator.lock", "operator.unlock", "operator.stepup", "operator.auth.failed");
        }
        try (var files = Files.walk(tmp)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as("the PIN in " + file).doesNotContain("PIN\":\"" + SoftHsm.PIN).doesNotContain("pin=" + SoftHsm.PIN);
            }
        }
    }
}
