package io.gatehouse.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.data.keys.KeyCustody;
import io.gatehouse.data.keys.KeyVersionState;
import io.gatehouse.data.keys.RotationPolicy;
import io.gatehouse.data.keys.RotationStep;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.ModuleInfo;
import io.gatehouse.data.keys.token.PinSource;
import io.gatehouse.data.keys.token.SlotInfo;
import io.gatehouse.data.keys.token.TokenException;
import io.gatehouse.data.keys.token.TokenPort;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.operator.Operator;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.MemoryJwksRegistry;
import io.gatehouse.data.testing.SoftwareToken;
import io.gatehouse.views.keys.CustodianProof;
import io.gatehouse.views.keys.ModuleScan;
import io.gatehouse.views.keys.TokenRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's key custody port over the real service, store and configuration, with a token in memory. */
class ConsoleKeyCustodyTest {
    private static final String MODULE = "/opt/hsm/libvendor-pkcs11.so";
    private static final String BROKEN = "/usr/lib/x86_64-linux-gnu/libc.so.6";
    private static final char[] PIN = "2468".toCharArray();
    private static final String PASSPHRASE = "two custodians";

    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private final SoftwareToken token = new SoftwareToken("checkout-keys");
    private final MemoryJwksRegistry registry = new MemoryJwksRegistry();
    private final List<char[]> pins = new ArrayList<>();
    private Composition composition;

    private final TokenPort port = new TokenPort() {
        @Override
        public ModuleInfo module() {
            return new ModuleInfo(MODULE, "Vendor", "HSM client", "7.1", "2.40");
        }

        @Override
        public List<SlotInfo> listSlots() {
            return List.of(new SlotInfo(0, "HSM partition", "Vendor", false, true, Optional.of(token.token())));
        }

        @Override
        public TokenSession openSession(String tokenLabel, PinSource pin) {
            if (!tokenLabel.equals(token.token().label())) {
                throw TokenException.noSuchToken(tokenLabel, MODULE);
            }
            char[] given = pin.pinFor(token.token());
            pins.add(given);
            boolean right = Arrays.equals(given, PIN);
            Arrays.fill(given, '\0');
            if (!right) {
                throw TokenException.wrongPin(tokenLabel, null);
            }
            return token;
        }
    };

    private ConsoleKeyCustody open(boolean withRegistry) throws Exception {
        return open(withRegistry, false);
    }

    /** {@code development}: the profile runs the sandbox, where a passphrase may stand in for a custodian's card. */
    private ConsoleKeyCustody open(boolean withRegistry, boolean development) throws Exception {
        Path config = tmp.resolve("config.yaml");
        Files.writeString(config, """
                operator: alice
                operators:
                  - id: alice
                    name: Alice Custodian
                    roles: [key-custodian]
                  - id: bob
                    name: Bob Custodian
                    roles: [key-custodian]
                  - id: carol
                    name: Carol Analyst
                    roles: [analyst]
                profile: vault
                profiles:
                  vault:
                    prometheus: {url: "http://127.0.0.1:9/"}
                    token: {module: "%s", label: checkout-keys}
                """.formatted(MODULE) + (development ? "    sandbox: {seed: 1}\n" : ""));
        composition = Composition.open(new AppDirectories(config, tmp.resolve("data")), clock);
        composition.secrets().unlock(PASSPHRASE.toCharArray());
        return new ConsoleKeyCustody(composition, clock, withRegistry ? registry : null,
                "this profile has no JWKS registry.", () -> List.of(Path.of(BROKEN)), path -> {
                    if (path.toString().equals(MODULE)) {
                        return port;
                    }
                    throw TokenException.notAPkcs11Library(path.toString(), null);
                });
    }

    @AfterEach
    void close() {
        if (composition != null) {
            composition.close();
        }
    }

    private TokenRef ref() {
        return new TokenRef(MODULE, "checkout-keys");
    }

    private PinSource pin() {
        return info -> PIN.clone();
    }

    @Test
    void theConfiguredTokenComesFirstAndAModuleThatFailsToLoadSaysWhy() throws Exception {
        ConsoleKeyCustody custody = open(true);
        assertThat(custody.configuredToken()).contains(ref());
        List<ModuleScan> scans = custody.scanModules();
        assertThat(scans).extracting(ModuleScan::path).containsExactly(MODULE, BROKEN);
        assertThat(scans.getFirst().slots()).singleElement().satisfies(s -> assertThat(s.token()).isPresent());
        assertThat(scans.get(1).error()).contains("is not a PKCS#11 module");
        assertThat(custody.custodians()).extracting(Operator::id).containsExactly("alice", "bob");
        assertThat(custody.rotationUnavailable()).isEmpty();
    }

    @Test
    void rotationReportsEachStepAndEverySessionIsLoggedInWithAPinThatIsWiped() throws Exception {
        ConsoleKeyCustody custody = open(true);
        new KeyCustody(composition.store(), composition.auditLog(), composition.session(), token, registry, clock)
                .createRing("checkout", RotationPolicy.defaults(KeyAlgorithm.EC_P256));
        List<RotationStep> heard = new ArrayList<>();
        var outcome = custody.rotate(ref(), "checkout", pin(), heard::add);
        assertThat(heard).containsExactly(RotationStep.values());
        assertThat(outcome.active().number()).isEqualTo(1);
        assertThat(custody.rings()).singleElement().satisfies(r -> assertThat(r.active()).isPresent());
        assertThat(custody.inventory(ref(), pin())).hasSize(2);
        assertThat(pins).hasSize(2).allSatisfy(p -> assertThat(p).containsOnly('\0'));
    }

    @Test
    void destructionNeedsTwoDifferentConfiguredCustodiansAndWipesBothPassphrases() throws Exception {
        ConsoleKeyCustody custody = open(true, true);
        new KeyCustody(composition.store(), composition.auditLog(), composition.session(), token, registry, clock)
                .createRing("checkout", RotationPolicy.defaults(KeyAlgorithm.EC_P256));
        custody.rotate(ref(), "checkout", pin(), s -> { });
        custody.rotate(ref(), "checkout", pin(), s -> { });
        clock.advance(Duration.ofHours(2));
        custody.retire(ref(), "checkout", 1, pin());
        clock.advance(Duration.ofDays(31));
        assertThat(custody.due()).hasSize(1);

        char[] a = PASSPHRASE.toCharArray();
        char[] b = PASSPHRASE.toCharArray();
        assertThatThrownBy(() -> custody.destroyDue(ref(), new CustodianProof("alice", a), new CustodianProof("alice", b),
                pin())).isInstanceOf(GatehouseException.class).hasMessageContaining("two different custodians");
        assertThat(a).containsOnly('\0');
        assertThat(b).containsOnly('\0');
        assertThatThrownBy(() -> custody.destroyDue(ref(), new CustodianProof("alice", PASSPHRASE.toCharArray()),
                new CustodianProof("bob", "wrong".toCharArray()), pin())).hasMessageContaining("passphrase is not right");
        assertThatThrownBy(() -> custody.destroyDue(ref(), new CustodianProof("alice", PASSPHRASE.toCharArray()),
                new CustodianProof("carol", PASSPHRASE.toCharArray()), pin())).isInstanceOf(GatehouseException.class);
        assertThat(custody.due()).hasSize(1);

        assertThat(custody.destroyDue(ref(), new CustodianProof("alice", PASSPHRASE.toCharArray()),
                new CustodianProof("bob", PASSPHRASE.toCharArray()), pin())).singleElement()
                .satisfies(v -> assertThat(v.state()).isEqualTo(KeyVersionState.DESTROYED));
        assertThat(token.holds("checkout-v1")).isFalse();
    }

    @Test
    void outsideADevelopmentProfileTwoPassphrasesDoNotDestroyAnything() throws Exception {
        ConsoleKeyCustody custody = open(true);
        new KeyCustody(composition.store(), composition.auditLog(), composition.session(), token, registry, clock)
                .createRing("checkout", RotationPolicy.defaults(KeyAlgorithm.EC_P256));
        custody.rotate(ref(), "checkout", pin(), s -> { });
        custody.rotate(ref(), "checkout", pin(), s -> { });
        clock.advance(Duration.ofHours(2));
        custody.retire(ref(), "checkout", 1, pin());
        clock.advance(Duration.ofDays(31));

        assertThatThrownBy(() -> custody.destroyDue(ref(), new CustodianProof("alice", PASSPHRASE.toCharArray()),
                new CustodianProof("bob", PASSPHRASE.toCharArray()), pin())).isInstanceOf(GatehouseException.class)
                .hasMessageContaining("smartcard").hasMessageContaining("alice confirmed with a passphrase only");
        assertThat(custody.due()).hasSize(1);
        assertThat(token.holds("checkout-v1")).isTrue();
    }

    @Test
    void withoutARegistryTheRingsShowButRotationSaysWhyNot() throws Exception {
        ConsoleKeyCustody custody = open(false);
        assertThat(custody.rotationUnavailable()).contains("this profile has no JWKS registry.");
        assertThat(custody.rings()).isEmpty();
        assertThatThrownBy(() -> custody.rotate(ref(), "checkout", pin(), s -> { }))
                .hasMessage("this profile has no JWKS registry.");
    }
}
