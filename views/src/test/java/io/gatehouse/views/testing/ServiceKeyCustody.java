package io.gatehouse.views.testing;

import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.keys.KeyCustody;
import io.gatehouse.data.keys.KeyRing;
import io.gatehouse.data.keys.KeyVersion;
import io.gatehouse.data.keys.RotationOutcome;
import io.gatehouse.data.keys.RotationPolicy;
import io.gatehouse.data.keys.RotationStep;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.KeyClass;
import io.gatehouse.data.keys.token.KeyObject;
import io.gatehouse.data.keys.token.KeyUsage;
import io.gatehouse.data.keys.token.ModuleInfo;
import io.gatehouse.data.keys.token.PinSource;
import io.gatehouse.data.keys.token.SlotInfo;
import io.gatehouse.data.keys.token.TokenException;
import io.gatehouse.data.keys.token.TokenFlag;
import io.gatehouse.data.keys.token.TokenInfo;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.Operator;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.FaultyTokenSession;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.MemoryJwksRegistry;
import io.gatehouse.data.testing.SoftwareToken;
import io.gatehouse.data.testing.TestOperators;
import io.gatehouse.views.keys.CustodianProof;
import io.gatehouse.views.keys.KeyCustodyPort;
import io.gatehouse.views.keys.ModuleScan;
import io.gatehouse.views.keys.TokenRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Key custody port over the real key custody service, on a store in a temporary directory, a
 * token in memory that wants PIN 1234, and a JWKS registry in memory that can be taken down. A
 * gate can hold each rotation step so a test sees the wizard between steps.
 */
public final class ServiceKeyCustody implements KeyCustodyPort, AutoCloseable {
    public static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";
    public static final String TOKEN = "checkout-keys";
    public static final String RING = "checkout-session-signing";
    public static final char[] PIN = "1234".toCharArray();

    public final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    public final SoftwareToken softToken = new SoftwareToken(TOKEN);
    public final FaultyTokenSession token = new FaultyTokenSession(softToken);
    public final MemoryJwksRegistry registry = new MemoryJwksRegistry();
    public final LocalOperatorSession alice;
    public final List<KeyObject> extraObjects = new CopyOnWriteArrayList<>();
    /** Every PIN the token was given, as a copy made before the caller wiped it. */
    public final List<String> pinsGiven = new CopyOnWriteArrayList<>();
    /** Arrays handed back by the PIN source, to check they were wiped. */
    public final List<char[]> pinArrays = new CopyOnWriteArrayList<>();
    private final LocalStore store;
    private final KeyCustody custody;
    /** Runs after the area heard each recorded step; a test may act between steps here. */
    public volatile Consumer<RotationStep> onStep = step -> { };
    private volatile boolean holdSteps;
    private volatile boolean configured = true;
    private final BlockingQueue<RotationStep> arrived = new LinkedBlockingQueue<>();
    private final BlockingQueue<Boolean> proceed = new LinkedBlockingQueue<>();

    public ServiceKeyCustody(Path dir) {
        store = LocalStore.open(dir.resolve("keys-store"));
        alice = new LocalOperatorSession(new Operator("alice", "Alice Custodian", Set.of(Role.KEY_CUSTODIAN)), clock,
                candidate -> Arrays.equals(candidate, TestOperators.PASSPHRASE));
        custody = new KeyCustody(store, new AuditLog(store, alice, clock), alice, token, registry, clock);
    }

    /** An audit ring and a checkout ring with one primary version, as a console a while in use has. */
    public ServiceKeyCustody withRings() {
        custody.createRing(KeyCustody.AUDIT_RING, RotationPolicy.defaults(KeyAlgorithm.EC_P256));
        custody.rotate(KeyCustody.AUDIT_RING);
        custody.createRing(RING, RotationPolicy.defaults(KeyAlgorithm.EC_P256));
        custody.rotate(RING);
        return this;
    }

    /** Objects a careless earlier tool left on the token, each one a finding. */
    public ServiceKeyCustody withCarelessObjects() {
        extraObjects.add(new KeyObject(KeyClass.SECRET_KEY, "legacy-wrap", "6c65676163792d77726170", "AES", "256",
                Set.of(KeyUsage.WRAP, KeyUsage.UNWRAP), true, true, true, false, false));
        extraObjects.add(new KeyObject(KeyClass.PRIVATE_KEY, "imported-2019", "01", "RSA", "2048",
                Set.of(KeyUsage.SIGN), false, false, false, false, false));
        return this;
    }

    /** Makes every rotation wait after each recorded step until {@link #release()}. */
    public void holdSteps() {
        holdSteps = true;
    }

    /** Waits until the rotation recorded a step and is held there. */
    public RotationStep awaitStep() throws InterruptedException {
        RotationStep s = arrived.poll(10, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("no rotation step was recorded within 10 s");
        }
        return s;
    }

    public void release() {
        proceed.add(Boolean.TRUE);
    }

    public KeyRing ring(String name) {
        return custody.ring(name).orElseThrow();
    }

    public void advance(Duration d) {
        clock.advance(d);
    }

    /** As a sandbox profile without a token section: nothing is configured until the custodian picks one. */
    public ServiceKeyCustody withoutConfiguredToken() {
        configured = false;
        return this;
    }

    @Override
    public Optional<TokenRef> configuredToken() {
        return configured ? Optional.of(new TokenRef(MODULE, TOKEN)) : Optional.empty();
    }

    @Override
    public Optional<String> rotationUnavailable() {
        return Optional.empty();
    }

    @Override
    public List<ModuleScan> scanModules() {
        TokenInfo info = new TokenInfo(TOKEN, "SoftHSM project", "SoftHSM v2", "4f1c0a2b9d3e",
                Set.of(TokenFlag.INITIALIZED, TokenFlag.LOGIN_REQUIRED, TokenFlag.USER_PIN_INITIALIZED,
                        TokenFlag.RANDOM_NUMBER_GENERATOR), List.of("CKM_ECDSA", "CKM_EC_KEY_PAIR_GEN", "CKM_RSA_PKCS_PSS"));
        TokenInfo other = new TokenInfo("custodian-bob", "SoftHSM project", "SoftHSM v2", "77aa01",
                Set.of(TokenFlag.INITIALIZED, TokenFlag.LOGIN_REQUIRED, TokenFlag.USER_PIN_INITIALIZED), List.of());
        return List.of(ModuleScan.loaded(new ModuleInfo(MODULE, "SoftHSM", "Implementation of PKCS11", "2.6", "2.40"),
                        List.of(new SlotInfo(1_583_227_011L, "SoftHSM slot ID 0x5e5d2b83", "SoftHSM project", false, false,
                                Optional.of(info)),
                                new SlotInfo(2L, "SoftHSM slot ID 0x2", "SoftHSM project", false, false, Optional.of(other)),
                                new SlotInfo(3L, "SoftHSM slot ID 0x3", "SoftHSM project", false, false, Optional.empty()))),
                ModuleScan.failed("/usr/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/x86_64-linux-gnu/libc.so.6 is not a"
                        + " PKCS#11 module. Give the path of your token's PKCS#11 library."));
    }

    private void login(TokenRef ref, PinSource pin) {
        char[] given = pin.pinFor(softToken.token());
        pinArrays.add(given);
        try {
            pinsGiven.add(new String(given));
            if (!Arrays.equals(given, PIN)) {
                throw TokenException.wrongPin(ref.label(), new IllegalStateException("CKR_PIN_INCORRECT"));
            }
        } finally {
            Arrays.fill(given, '\0');
        }
    }

    @Override
    public List<KeyObject> inventory(TokenRef ref, PinSource pin) {
        login(ref, pin);
        List<KeyObject> all = new ArrayList<>(token.listKeys());
        all.addAll(extraObjects);
        return all;
    }

    @Override
    public List<KeyRing> rings() {
        return custody.rings();
    }

    @Override
    public List<KeyVersion> due() {
        return custody.due();
    }

    @Override
    public List<Operator> custodians() {
        return List.of(alice.operator(), new Operator("bob", "Bob Custodian", Set.of(Role.KEY_CUSTODIAN)));
    }

    @Override
    public Operator signedIn() {
        return alice.operator();
    }

    @Override
    public RotationOutcome rotate(TokenRef ref, String ring, PinSource pin, Consumer<RotationStep> progress) {
        login(ref, pin);
        return custody.rotate(ring, step -> {
            progress.accept(step);
            onStep.accept(step);
            if (holdSteps && step != RotationStep.ACTIVATED) {
                arrived.add(step);
                try {
                    proceed.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CancellationException();
                }
            }
        });
    }

    @Override
    public KeyVersion rollBack(TokenRef ref, String ring, PinSource pin) {
        login(ref, pin);
        return custody.rollBack(ring);
    }

    @Override
    public KeyVersion retire(TokenRef ref, String ring, int version, PinSource pin) {
        login(ref, pin);
        return custody.retire(ring, version);
    }

    @Override
    public KeyVersion restore(TokenRef ref, String ring, int version, PinSource pin) {
        login(ref, pin);
        return custody.restore(ring, version);
    }

    @Override
    public List<KeyVersion> destroyDue(TokenRef ref, CustodianProof first, CustodianProof second, PinSource pin) {
        try {
            alice.proveWithPassphrase(first.passphrase());
            Operator other = custodians().stream().filter(o -> o.id().equals(second.operatorId())).findFirst().orElseThrow();
            LocalOperatorSession bob = new LocalOperatorSession(other, clock,
                    candidate -> Arrays.equals(candidate, TestOperators.PASSPHRASE));
            bob.proveWithPassphrase(second.passphrase());
            login(ref, pin);
            return custody.destroyDue(alice, bob);
        } finally {
            first.wipe();
            second.wipe();
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
