package io.gatehouse.connectors.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.connectors.jwks.JwksRegistryClient;
import io.gatehouse.connectors.sandbox.SandboxOptions;
import io.gatehouse.connectors.sandbox.SandboxServer;
import io.gatehouse.data.audit.AuditHeads;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.VerifyProgress;
import io.gatehouse.data.keys.KeyCustody;
import io.gatehouse.data.keys.KeyRing;
import io.gatehouse.data.keys.KeyVersion;
import io.gatehouse.data.keys.KeyVersionState;
import io.gatehouse.data.keys.RotationOutcome;
import io.gatehouse.data.keys.RotationPolicy;
import io.gatehouse.data.keys.RotationStep;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.KeyClass;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ChildJvm;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.TestOperators;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zero-downtime rotation on a real SoftHSM2 token, with the in-process sandbox as the JWKS
 * registry and as the relying party that verifies checkout session tokens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyRotationEndToEndTest {
    private SandboxServer sandbox;
    private TokenSession token;
    private JwksRegistryClient registry;

    @TempDir
    Path tmp;

    @BeforeAll
    void start() {
        token = SoftHsm.port().openSession(SoftHsm.ROTATION, SoftHsm.pin());
        sandbox = SandboxServer.start(SandboxOptions.defaults(7, Instant.parse("2026-03-02T00:00:00Z")));
        registry = RotationRig.registry(sandbox.baseUrl(), sandbox.adminToken());
    }

    @AfterAll
    void stop() {
        sandbox.close();
        token.close();
    }

    private JsonNode verify(String jws) throws Exception {
        return RotationRig.verify(sandbox.baseUrl(), jws);
    }

    @Test
    void theSandboxAcceptsTheNewKeyAtOnceAndTheOldOneUntilItIsRetired() throws Exception {
        ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
        try (LocalStore store = LocalStore.open(tmp.resolve("rotation"))) {
            LocalOperatorSession alice = TestOperators.session(clock, Role.KEY_CUSTODIAN);
            AuditLog audit = new AuditLog(store, alice, clock);
            KeyCustody custody = new KeyCustody(store, audit, alice, token, registry, clock);
            custody.createRing(KeyCustody.AUDIT_RING, RotationPolicy.defaults(KeyAlgorithm.EC_P256));
            custody.rotate(KeyCustody.AUDIT_RING);
            custody.createRing("checkout-e2e", RotationPolicy.defaults(KeyAlgorithm.EC_P256));

            KeyVersion v1 = custody.rotate("checkout-e2e").active();
            String oldToken = RotationRig.sessionToken(token, v1);
            assertThat(verify(oldToken).get("valid").asBoolean()).isTrue();
            assertThat(v1.kid()).isEqualTo(JwksRegistryClient.thumbprint(token.publicKey(v1.keyLabel())));

            clock.advance(Duration.ofDays(85));
            RotationOutcome second = custody.rotate("checkout-e2e");
            KeyVersion v2 = second.active();
            JsonNode fresh = verify(RotationRig.sessionToken(token, v2));
            assertThat(fresh.get("valid").asBoolean()).as(fresh.toString()).isTrue();
            assertThat(fresh.get("kid").asText()).isEqualTo(v2.kid());
            assertThat(verify(oldToken).get("valid").asBoolean()).as("verify-only through the grace period").isTrue();

            clock.advance(Duration.ofMinutes(70));
            custody.retire("checkout-e2e", 1);
            JsonNode rejected = verify(oldToken);
            assertThat(rejected.get("valid").asBoolean()).isFalse();
            assertThat(rejected.get("reason").asText()).isEqualTo("unknown_kid");
            assertThat(verify(RotationRig.sessionToken(token, v2)).get("valid").asBoolean()).isTrue();
            assertThat(token.listKeys()).filteredOn(k -> k.keyClass() == KeyClass.PRIVATE_KEY)
                    .filteredOn(k -> k.label().startsWith("checkout-e2e-v"))
                    .allSatisfy(k -> assertThat(k.sensitive() && !k.extractable()).isTrue()).hasSize(2);
            assertThat(SoftHsm.pkcs11Tool(SoftHsm.ROTATION, "--list-objects", "--type", "privkey"))
                    .contains("checkout-e2e-v1", "checkout-e2e-v2");

            assertThat(audit.verify(VerifyProgress.NONE).intact()).isTrue();
            assertThat(new AuditHeads(store, alice, clock).verify().ok()).isTrue();
        }
    }

    @Test
    void aConsoleKilledBetweenGenerateAndActivateResumesAndThePrimaryNeverLapsed() throws Exception {
        Path data = tmp.resolve("killed");
        URI base = sandbox.baseUrl();
        try (LocalStore store = LocalStore.open(data)) {
            LocalOperatorSession alice = TestOperators.session(InstantSource.system(), Role.KEY_CUSTODIAN);
            KeyCustody custody = new KeyCustody(store, new AuditLog(store, alice, InstantSource.system()), alice,
                    token, registry, InstantSource.system());
            custody.createRing("checkout-kill", RotationPolicy.defaults(KeyAlgorithm.EC_P256));
            custody.rotate("checkout-kill");
        }
        ChildJvm child = ChildJvm.start(RotationChild.class, data.toString(), base.toString(), sandbox.adminToken(),
                "checkout-kill");
        try {
            assertThat(child.readLine()).isEqualTo("publishing");
        } finally {
            child.close(); // SIGKILL: no shutdown hook runs, the store is never closed
        }
        assertThat(child.waitFor()).as("killed by SIGKILL").isEqualTo(137);
        try (LocalStore store = LocalStore.open(data)) {
            LocalOperatorSession alice = TestOperators.session(InstantSource.system(), Role.KEY_CUSTODIAN);
            AuditLog audit = new AuditLog(store, alice, InstantSource.system());
            KeyCustody custody = new KeyCustody(store, audit, alice, token, registry, InstantSource.system());
            KeyRing ring = custody.ring("checkout-kill").orElseThrow();
            assertThat(ring.active().orElseThrow().number()).isEqualTo(1);
            KeyVersion pending = ring.pending().orElseThrow();
            assertThat(pending.step()).isEqualTo(RotationStep.SELF_TESTED);
            assertThat(token.listKeys()).anyMatch(k -> k.label().equals(pending.keyLabel()));
            assertThat(verify(RotationRig.sessionToken(token, ring.active().get())).get("valid").asBoolean())
                    .as("the primary still verifies while the rotation hangs").isTrue();

            RotationOutcome resumed = custody.rotate("checkout-kill");
            assertThat(resumed.resumedFrom()).contains(RotationStep.SELF_TESTED);
            assertThat(resumed.active().number()).isEqualTo(2);
            assertThat(resumed.retiring().orElseThrow().state()).isEqualTo(KeyVersionState.RETIRING);
            assertThat(verify(RotationRig.sessionToken(token, resumed.active())).get("valid").asBoolean()).isTrue();
            assertThat(audit.verify(VerifyProgress.NONE).intact()).isTrue();
        }
    }
}
