package io.gatehouse.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.data.keys.KeyCustody;
import io.gatehouse.data.keys.KeyVersionState;
import io.gatehouse.data.keys.RotationPolicy;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.ModuleInfo;
import io.gatehouse.data.keys.token.PinSource;
import io.gatehouse.data.keys.token.SlotInfo;
import io.gatehouse.data.keys.token.TokenException;
import io.gatehouse.data.keys.token.TokenPort;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.operator.card.CardEnrolments;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.MemoryJwksRegistry;
import io.gatehouse.data.testing.SoftwareToken;
import io.gatehouse.data.testing.TestCertificates;
import io.gatehouse.data.testing.TestOperators;
import io.gatehouse.views.keys.CustodianProof;
import io.gatehouse.views.keys.TokenRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code keyCustody.requireSmartcardProofs: true} the console destroys key material only on two
 * custodians' smartcard proofs, each card signing a fresh challenge after its PIN.
 */
class ConsoleCardDualControlTest {
    private static final String MODULE = "/usr/lib/cards/opensc-pkcs11.so";
    private static final String HSM = "/opt/hsm/libvendor-pkcs11.so";
    private static final String KEY = "PIV AUTH key";
    private static final char[] PIN = "2468".toCharArray();

    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private final SoftwareToken signing = new SoftwareToken("checkout-keys");
    private final Map<String, SoftwareToken> cards = Map.of("alice-card", new SoftwareToken("alice-card"),
            "bob-card", new SoftwareToken("bob-card"));

    private TokenPort port(String path, Map<String, SoftwareToken> tokens) {
        return new TokenPort() {
            @Override
            public ModuleInfo module() {
                return new ModuleInfo(path, "Vendor", "module", "1", "2.40");
            }

            @Override
            public List<SlotInfo> listSlots() {
                return List.of();
            }

            @Override
            public TokenSession openSession(String label, PinSource pin) {
                SoftwareToken token = tokens.get(label);
                if (token == null) {
                    throw TokenException.noSuchToken(label, path);
                }
                char[] given = pin.pinFor(token.token());
                boolean right = Arrays.equals(given, PIN);
                Arrays.fill(given, '\0');
                if (!right) {
                    throw TokenException.wrongPin(label, null);
                }
                return token;
            }
        };
    }

    @Test
    void destructionTakesTwoEnrolledCardsAndRefusesPassphrasesAndBorrowedCards() throws Exception {
        Path config = tmp.resolve("config.yaml");
        Files.writeString(config, """
                operator:
                  id: alice
                  signIn: smartcard
                  card: {module: "%s", tokenLabel: alice-card}
                operators:
                  - {id: alice, name: Alice, roles: [key-custodian]}
                  - {id: bob, name: Bob, roles: [key-custodian]}
                  - {id: lena, name: Lena, roles: [lead]}
                profile: vault
                profiles:
                  vault:
                    prometheus: {url: "http://127.0.0.1:9/"}
                    token: {module: "%s", label: checkout-keys}
                keyCustody:
                  requireSmartcardProofs: true
                """.formatted(MODULE, HSM));
        MemoryJwksRegistry registry = new MemoryJwksRegistry();
        try (Composition composition = Composition.open(new AppDirectories(config, tmp.resolve("data")), clock)) {
            LocalOperatorSession lead = new LocalOperatorSession(TestOperators.operator("lena", Role.LEAD), clock,
                    c -> Arrays.equals(c, TestOperators.PASSPHRASE));
            lead.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
            for (String who : List.of("alice", "bob")) {
                SoftwareToken card = cards.get(who + "-card");
                card.generateKeyPair(KeyAlgorithm.EC_P256, KEY, new byte[] {1});
                LocalOperatorSession self = new LocalOperatorSession(TestOperators.operator(who, Role.KEY_CUSTODIAN), clock,
                        c -> false);
                new CardEnrolments(composition.store(), new AuditLog(composition.store(), self, clock), self, clock)
                        .request(TestCertificates.issue(card.publicKey(KEY), who, clock.instant().minusSeconds(60),
                                clock.instant().plus(Duration.ofDays(400))).getEncoded(), KEY);
                new CardEnrolments(composition.store(), new AuditLog(composition.store(), lead, clock), lead, clock)
                        .approve(who);
            }
            ConsoleKeyCustody custody = new ConsoleKeyCustody(composition, clock, registry, null, List::of,
                    path -> path.toString().equals(HSM) ? port(HSM, Map.of("checkout-keys", signing)) : port(MODULE, cards));
            assertThat(custody.smartcardProofs()).isTrue();
            TokenRef ref = new TokenRef(HSM, "checkout-keys");
            PinSource pin = info -> PIN.clone();
            new KeyCustody(composition.store(), composition.auditLog(), composition.session(), signing, registry, clock)
                    .createRing("checkout", RotationPolicy.defaults(KeyAlgorithm.EC_P256));
            custody.rotate(ref, "checkout", pin, s -> { });
            custody.rotate(ref, "checkout", pin, s -> { });
            clock.advance(Duration.ofHours(2));
            custody.retire(ref, "checkout", 1, pin);
            clock.advance(Duration.ofDays(31));
            assertThat(custody.due()).hasSize(1);

            assertThatThrownBy(() -> custody.destroyDue(ref, new CustodianProof("alice", PIN.clone()),
                    new CustodianProof("bob", "correct horse".toCharArray()), pin))
                    .as("a passphrase for the second custodian").hasMessageContaining("second custodian's card");
            char[] wrong = "0000".toCharArray();
            assertThatThrownBy(() -> custody.destroyDue(ref, new CustodianProof("alice", PIN.clone()),
                    new CustodianProof("bob", wrong, "bob-card"), pin)).isInstanceOf(TokenException.class);
            assertThat(wrong).containsOnly('\0');
            assertThatThrownBy(() -> custody.destroyDue(ref, new CustodianProof("alice", PIN.clone()),
                    new CustodianProof("bob", PIN.clone(), "alice-card"), pin))
                    .as("bob with alice's card").hasMessageContaining("not the enrolled card");
            assertThat(custody.due()).hasSize(1);

            assertThat(custody.destroyDue(ref, new CustodianProof("alice", PIN.clone()),
                    new CustodianProof("bob", PIN.clone(), "bob-card"), pin)).singleElement()
                    .satisfies(v -> assertThat(v.state()).isEqualTo(KeyVersionState.DESTROYED));
            assertThat(composition.auditLog().find(new AuditQuery(null, "key.version.destroyed", null, null, null, 5))
                    .getFirst().details()).containsEntry("proofs", "smartcard,smartcard");
            assertThat(Optional.of(signing.holds("checkout-v1"))).contains(false);
        }
    }
}
