package io.gatehouse.data.operator.presence;

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
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.SoftwareToken;
import io.gatehouse.data.testing.TestCertificates;
import io.gatehouse.data.testing.TestOperators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionGuardTest {
    private static final String KEY = "PIV AUTH key";
    private static final String PIN = "4711";

    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private final SoftwareToken aliceCard = new SoftwareToken("alice-card");
    private final SoftwareToken bobCard = new SoftwareToken("bob-card");
    private LocalStore store;
    private LocalOperatorSession alice;
    private AuditLog audit;
    /** Which card is in the reader; null when none. */
    private SoftwareToken inReader;

    @BeforeEach
    void open() throws Exception {
        store = LocalStore.open(tmp.resolve("data"));
        alice = new LocalOperatorSession(TestOperators.operator("alice", Role.KEY_CUSTODIAN), clock, c -> false);
        audit = new AuditLog(store, alice, clock);
        aliceCard.generateKeyPair(KeyAlgorithm.EC_P256, KEY, new byte[] {1});
        bobCard.generateKeyPair(KeyAlgorithm.EC_P256, KEY, new byte[] {1});
        inReader = aliceCard;
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void enrolAlice(Instant notAfter) throws Exception {
        byte[] der = TestCertificates.issue(aliceCard.publicKey(KEY), "Alice", clock.instant().minusSeconds(60), notAfter)
                .getEncoded();
        new CardEnrolments(store, audit, alice, clock).request(der, KEY);
        LocalOperatorSession lead = new LocalOperatorSession(TestOperators.operator("lena", Role.LEAD), clock,
                c -> Arrays.equals(c, TestOperators.PASSPHRASE));
        lead.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
        new CardEnrolments(store, new AuditLog(store, lead, clock), lead, clock).approve("alice");
    }

    /** A reader that opens whichever card is in it, after the card's PIN. */
    private final OperatorCard reader = pins -> {
        if (inReader == null) {
            throw TokenException.noSuchToken("alice-card", "/usr/lib/card.so");
        }
        char[] pin = pins.pinFor(inReader.token());
        try {
            if (!Arrays.equals(pin, PIN.toCharArray())) {
                throw TokenException.wrongPin(inReader.token().label(), null);
            }
        } finally {
            Arrays.fill(pin, '\0');
        }
        TokenSession card = inReader;
        return card;
    };

    private SessionGuard smartcardGuard() {
        SmartcardProof proof = new SmartcardProof(reader, new CardEnrolments(store, audit, alice, clock)::enrolled,
                new CardPresence(clock, CardPresence.DEFAULT_TOLERANCE));
        return new SessionGuard(alice, proof, audit::append, clock, Duration.ofMinutes(10), Duration.ofMinutes(5));
    }

    private List<AuditEntry> authEvents() {
        return audit.find(AuditQuery.latest(50)).stream().filter(e -> e.action().startsWith("operator.")
                && !e.action().startsWith("operator.card") && !e.action().equals("operator.proof")).toList().reversed();
    }

    @Test
    void signInNeedsTheEnrolledCardsSignatureAndEachFailureSaysWhy() throws Exception {
        SessionGuard guard = smartcardGuard();
        assertThatThrownBy(() -> guard.signIn(PIN.toCharArray())).hasMessageContaining("No smartcard is enrolled for alice");
        enrolAlice(clock.instant().plus(Duration.ofDays(365)));

        char[] wrong = "0000".toCharArray();
        assertThatThrownBy(() -> guard.signIn(wrong)).isInstanceOf(TokenException.class);
        assertThat(wrong).containsOnly('\0');
        inReader = null;
        assertThatThrownBy(() -> guard.signIn(PIN.toCharArray())).hasMessageContaining("alice-card");
        inReader = bobCard;
        assertThatThrownBy(() -> guard.signIn(PIN.toCharArray())).hasMessageContaining("not the enrolled card");
        assertThat(guard.signedIn()).isFalse();

        inReader = aliceCard;
        char[] right = PIN.toCharArray();
        guard.signIn(right);
        assertThat(right).containsOnly('\0');
        assertThat(guard.signedIn()).isTrue();
        assertThat(alice.requireFreshProof(Duration.ofMinutes(5))).isEqualTo(ProofKind.SMARTCARD);
        assertThat(guard.weaker()).isFalse();

        assertThat(authEvents()).extracting(e -> e.action() + " " + e.details().get("kind") + " "
                + e.details().getOrDefault("reason", e.details().get("result"))).containsExactly(
                "operator.auth.failed smartcard not_enrolled",
                "operator.auth.failed smartcard wrong_pin",
                "operator.auth.failed smartcard no_such_token",
                "operator.auth.failed smartcard wrong_card",
                "operator.signin smartcard accepted");
    }

    @Test
    void anExpiredCertificateIsRefused() throws Exception {
        enrolAlice(clock.instant().plus(Duration.ofDays(2)));
        clock.advance(Duration.ofDays(3));
        SessionGuard guard = smartcardGuard();
        assertThatThrownBy(() -> guard.signIn(PIN.toCharArray())).hasMessageContaining("certificate expired");
        assertThat(authEvents().getLast().details()).containsEntry("reason", "certificate_expired");
    }

    @Test
    void locksAfterTheIdleTimeAndOnlyTheOperatorsOwnCardUnlocks() throws Exception {
        enrolAlice(clock.instant().plus(Duration.ofDays(365)));
        SessionGuard guard = smartcardGuard();
        guard.signIn(PIN.toCharArray());
        clock.advance(Duration.ofMinutes(9));
        guard.touch();
        clock.advance(Duration.ofMinutes(9));
        assertThat(guard.lockIfIdle()).as("input 9 minutes ago").isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(guard.lockIfIdle()).isTrue();
        assertThat(guard.locked()).isTrue();
        guard.touch();
        assertThat(guard.locked()).as("input on the lock screen does not unlock").isTrue();

        assertThatThrownBy(() -> guard.unlock("1234".toCharArray())).isInstanceOf(TokenException.class);
        inReader = bobCard;
        assertThatThrownBy(() -> guard.unlock(PIN.toCharArray())).hasMessageContaining("not the enrolled card");
        assertThat(guard.locked()).isTrue();
        inReader = aliceCard;
        guard.unlock(PIN.toCharArray());
        assertThat(guard.locked()).isFalse();

        guard.lock(LockReason.MANUAL);
        guard.signOut();
        assertThat(guard.signedIn()).isFalse();
        assertThat(authEvents()).extracting(AuditEntry::action).containsSubsequence("operator.signin", "operator.lock",
                "operator.auth.failed", "operator.auth.failed", "operator.unlock", "operator.lock", "operator.signout");
        assertThat(authEvents()).filteredOn(e -> e.action().equals("operator.lock"))
                .extracting(e -> e.details().get("reason")).containsExactly("idle", "manual");
    }

    @Test
    void stepUpIsFreshForTheConfiguredAgeOnly() throws Exception {
        enrolAlice(clock.instant().plus(Duration.ofDays(365)));
        SessionGuard guard = smartcardGuard();
        guard.signIn(PIN.toCharArray());
        clock.advance(Duration.ofMinutes(6));
        assertThat(guard.fresh()).isFalse();
        guard.stepUp("key.rotate", PIN.toCharArray());
        assertThat(guard.fresh()).isTrue();
        clock.advance(Duration.ofMinutes(4));
        assertThat(guard.fresh()).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(guard.fresh()).isFalse();
        assertThat(authEvents().getLast().action()).isEqualTo("operator.stepup");
        assertThat(authEvents().getLast().details()).containsEntry("action", "key.rotate").containsEntry("kind", "smartcard");
    }

    @Test
    void theLocalProfileIsRecordedAsWeakerAndNoSecretReachesTheLog() throws Exception {
        String planted = "planted-passphrase-7f3a";
        LocalOperatorSession local = new LocalOperatorSession(TestOperators.operator("dev", Role.ANALYST), clock,
                c -> Arrays.equals(c, planted.toCharArray()));
        SessionGuard guard = new SessionGuard(local, new PassphraseProof(() -> true), audit::append, clock,
                Duration.ofMinutes(10), Duration.ofMinutes(5));
        assertThat(guard.weaker()).isTrue();
        assertThatThrownBy(() -> guard.signIn("wrong".toCharArray())).hasMessageContaining("passphrase is not right");
        guard.signIn(planted.toCharArray());
        assertThat(authEvents()).extracting(e -> e.details().get("kind")).containsOnly("local-weaker");

        LocalOperatorSession dev = new LocalOperatorSession(TestOperators.operator("dev", Role.ANALYST), clock, c -> false);
        SessionGuard sandbox = new SessionGuard(dev, new PassphraseProof(() -> false), audit::append, clock,
                Duration.ofMinutes(10), Duration.ofMinutes(5));
        assertThat(sandbox.needsSecret()).isFalse();
        sandbox.signInUnproven();
        assertThat(sandbox.fresh()).as("signing in without a proof gives no step-up").isFalse();
        assertThatThrownBy(() -> smartcardGuard().signInUnproven()).isInstanceOf(IllegalStateException.class);

        store.close();
        try (var files = Files.walk(tmp)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain(planted);
            }
        }
        store = LocalStore.open(tmp.resolve("data"));
    }
}
