package io.gatehouse.data.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.audit.AuditEntry;
import io.gatehouse.data.audit.AuditHeads;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.audit.VerifyProgress;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.TokenException;
import io.gatehouse.data.operator.FreshProofRequiredException;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.PermissionDeniedException;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.FaultyTokenSession;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.MemoryJwksRegistry;
import io.gatehouse.data.testing.SoftwareToken;
import io.gatehouse.data.testing.TestOperators;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyCustodyTest {
    private static final String RING = "checkout-session-signing";

    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private final SoftwareToken softToken = new SoftwareToken("custody");
    private final FaultyTokenSession token = new FaultyTokenSession(softToken);
    private final MemoryJwksRegistry registry = new MemoryJwksRegistry();
    private LocalOperatorSession alice;
    private LocalStore store;
    private AuditLog audit;
    private KeyCustody custody;

    @BeforeEach
    void open() {
        store = LocalStore.open(tmp.resolve("data"));
        alice = custodian("alice");
        audit = new AuditLog(store, alice, clock);
        custody = new KeyCustody(store, audit, alice, token, registry, clock);
        custody.createRing(KeyCustody.AUDIT_RING, RotationPolicy.defaults(KeyAlgorithm.EC_P256));
        custody.rotate(KeyCustody.AUDIT_RING);
        custody.createRing(RING, RotationPolicy.defaults(KeyAlgorithm.EC_P256));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private LocalOperatorSession custodian(String id) {
        return new LocalOperatorSession(TestOperators.operator(id, Role.KEY_CUSTODIAN), clock,
                candidate -> Arrays.equals(candidate, TestOperators.PASSPHRASE));
    }

    private KeyRing ring() {
        return custody.ring(RING).orElseThrow();
    }

    private List<String> actions() {
        return audit.find(AuditQuery.latest(500)).reversed().stream().map(AuditEntry::action).toList();
    }

    private void assertConsistent(int expectedPrimary) {
        KeyRing ring = ring();
        assertThat(ring.versions()).filteredOn(v -> v.state() == KeyVersionState.ACTIVE).hasSize(1);
        assertThat(ring.active().orElseThrow().number()).isEqualTo(expectedPrimary);
        assertThat(registry.servedKeyIds()).contains(ring.active().orElseThrow().kid());
        assertThat(audit.verify(VerifyProgress.NONE).intact()).isTrue();
        assertThat(new AuditHeads(store, alice, clock).verify().ok()).isTrue();
    }

    @Test
    void theFirstRotationMakesAPrimaryAndTheNextOneRetiresItVerifyOnly() {
        RotationOutcome first = custody.rotate(RING);
        assertThat(first.active().number()).isEqualTo(1);
        assertThat(first.retiring()).isEmpty();
        assertThat(first.resumedFrom()).isEmpty();
        assertThat(softToken.holds("checkout-session-signing-v1")).isTrue();

        clock.advance(Duration.ofDays(80));
        RotationOutcome second = custody.rotate(RING);
        assertThat(second.active().number()).isEqualTo(2);
        KeyVersion old = second.retiring().orElseThrow();
        assertThat(old.state()).isEqualTo(KeyVersionState.RETIRING);
        assertThat(old.dueAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(70)));
        assertThat(registry.servedKeyIds()).contains(old.kid(), second.active().kid());
        assertConsistent(2);
        assertThat(actions()).containsSubsequence("key.rotation.requested", "key.rotation.generated",
                "key.rotation.self-tested", "key.rotation.published", "key.rotation.served", "key.version.retiring",
                "key.rotation.activated");
        assertThat(new AuditHeads(store, alice, clock).latest().orElseThrow().sequence())
                .as("the head is signed after the last step").isEqualTo(audit.find(AuditQuery.latest(1)).getFirst().sequence());
    }

    @Test
    void progressHearsEachRecordedStepAndACancelBetweenStepsLeavesAResumableAuditedRotation() {
        custody.rotate(RING);
        List<RotationStep> heard = new java.util.ArrayList<>();
        assertThatThrownBy(() -> custody.rotate(RING, step -> {
            heard.add(step);
            if (step == RotationStep.SELF_TESTED) {
                throw new java.util.concurrent.CancellationException();
            }
        })).isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(heard).containsExactly(RotationStep.REQUESTED, RotationStep.GENERATED, RotationStep.SELF_TESTED);
        assertThat(ring().pending().orElseThrow().step()).isEqualTo(RotationStep.SELF_TESTED);
        assertThat(actions()).contains("key.rotation.cancelled");
        assertConsistent(1);

        heard.clear();
        RotationOutcome resumed = custody.rotate(RING, heard::add);
        assertThat(heard).containsExactly(RotationStep.SELF_TESTED, RotationStep.PUBLISHED, RotationStep.SERVED,
                RotationStep.ACTIVATED);
        assertThat(resumed.resumedFrom()).contains(RotationStep.SELF_TESTED);
        assertConsistent(2);
    }

    @Test
    void aCancelThatArrivesWithActivationIsTooLateAndTheRotationCompletes() {
        RotationOutcome done = custody.rotate(RING, step -> {
            if (step == RotationStep.ACTIVATED) {
                throw new java.util.concurrent.CancellationException();
            }
        });
        assertThat(done.active().number()).isEqualTo(1);
        assertConsistent(1);
    }

    @Test
    void onlyKeyCustodiansRotate() {
        LocalOperatorSession analyst = TestOperators.session(clock, Role.ANALYST);
        KeyCustody denied = new KeyCustody(store, new AuditLog(store, analyst, clock), analyst, token, registry, clock);
        assertThatThrownBy(() -> denied.rotate(RING)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> denied.createRing("other", RotationPolicy.defaults(KeyAlgorithm.EC_P256)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(ring().versions()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = TokenException.Reason.class, names = {"DEVICE_ERROR", "TOKEN_REMOVED"})
    void aTokenFailureAtAnyCallLeavesThePrimaryInPlaceAndTheRotationResumes(TokenException.Reason reason) {
        custody.rotate(RING);
        token.resetCount();
        custody.rotate(RING);
        int callsPerRotation = token.calls();
        assertThat(callsPerRotation).as("token calls in one clean rotation").isGreaterThanOrEqualTo(8);
        int primary = 2;
        for (int n = 1; n <= callsPerRotation; n++) {
            token.failCall(n, reason);
            try {
                custody.rotate(RING);
                primary++; // the fault hit a head signature, which never undoes a step
                assertThat(actions()).contains("audit.head.unsigned");
            } catch (RotationInterruptedException e) {
                assertThat(e.kind()).isEqualTo(FailureKind.UPSTREAM);
                assertThat(e.getMessage()).contains("Version " + primary + " stays primary");
                assertConsistent(primary);
                assertThat(ring().pending()).isPresent();
                token.healthy();
                RotationOutcome resumed = custody.rotate(RING);
                assertThat(resumed.resumedFrom()).contains(e.pending().step());
                primary++;
            }
            token.healthy();
            assertConsistent(primary);
            assertThat(ring().pending()).isEmpty();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(actions()).contains("key.rotation.failed", "key.rotation.resumed");
    }

    @Test
    void aRegistryThatIsDownStopsTheRotationBeforePublishingAndItResumesThere() {
        custody.rotate(RING);
        registry.down(true);
        assertThatThrownBy(() -> custody.rotate(RING)).isInstanceOfSatisfying(RotationInterruptedException.class, e -> {
            assertThat(e.failedStep()).isEqualTo(RotationStep.PUBLISHED);
            assertThat(e.getMessage()).contains("stopped before step published", "Version 1 stays primary");
        });
        assertThat(ring().active().orElseThrow().number()).isEqualTo(1);
        assertThat(ring().pending().orElseThrow().step()).isEqualTo(RotationStep.SELF_TESTED);
        registry.down(false);
        RotationOutcome outcome = custody.rotate(RING);
        assertThat(outcome.resumedFrom()).contains(RotationStep.SELF_TESTED);
        assertConsistent(2);
    }

    @Test
    void aRegistryThatDoesNotServeTheNewKeyKeepsItFromBecomingPrimary() {
        custody.rotate(RING);
        registry.servesStale(true);
        assertThatThrownBy(() -> custody.rotate(RING)).isInstanceOfSatisfying(RotationInterruptedException.class,
                e -> assertThat(e.failedStep()).isEqualTo(RotationStep.SERVED));
        assertThat(ring().active().orElseThrow().number()).isEqualTo(1);
        registry.servesStale(false);
        KeyVersion rolledBack = custody.rollBack(RING);
        assertThat(rolledBack.state()).isEqualTo(KeyVersionState.DESTROYED);
        assertThat(softToken.holds(rolledBack.keyLabel())).isFalse();
        assertThat(registry.servedKeyIds()).doesNotContain(rolledBack.kid());
        assertConsistent(1);
        assertThat(custody.rotate(RING).active().number()).as("numbers are never reused").isEqualTo(3);
    }

    @Test
    void retirementWaitsForTheGracePeriodThenRemovesTheKeyAndARestoreBringsItBack() {
        custody.rotate(RING);
        custody.rotate(RING);
        KeyVersion old = ring().version(1).orElseThrow();
        assertThatThrownBy(() -> custody.retire(RING, 1)).isInstanceOf(IllegalKeyTransitionException.class);
        assertThatThrownBy(() -> custody.retire(RING, 2)).hasMessageContaining("is active and cannot become");
        clock.advance(Duration.ofMinutes(70));
        KeyVersion scheduled = custody.retire(RING, 1);
        assertThat(scheduled.state()).isEqualTo(KeyVersionState.SCHEDULED_FOR_DESTRUCTION);
        assertThat(registry.servedKeyIds()).doesNotContain(old.kid());
        assertThat(softToken.holds(old.keyLabel())).as("still restorable").isTrue();
        assertThat(custody.restore(RING, 1).state()).isEqualTo(KeyVersionState.RETIRING);
        assertThat(registry.servedKeyIds()).contains(old.kid());
        assertConsistent(2);
    }

    @Test
    void destructionNeedsTwoDifferentCustodiansWithFreshProofAndWaitsForTheWindow() {
        custody.rotate(RING);
        custody.rotate(RING);
        clock.advance(Duration.ofMinutes(70));
        custody.retire(RING, 1);
        LocalOperatorSession bob = custodian("bob");
        alice.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
        bob.proveWithPassphrase(TestOperators.PASSPHRASE.clone());

        assertThatThrownBy(() -> custody.destroyDue(alice, alice)).isInstanceOf(GatehouseException.class)
                .hasMessageContaining("two different custodians");
        assertThat(actions()).contains("key.destruction.refused");
        LocalOperatorSession aliceAgain = custodian("alice");
        aliceAgain.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
        assertThatThrownBy(() -> custody.destroyDue(alice, aliceAgain)).hasMessageContaining("two different custodians");

        assertThat(custody.destroyDue(alice, bob)).as("nothing is due before the window ends").isEmpty();
        clock.advance(Duration.ofDays(30));
        assertThat(custody.due()).extracting(KeyVersion::number).containsExactly(1);
        assertThatThrownBy(() -> custody.destroyDue(alice, bob)).as("the proofs are now 30 days old")
                .isInstanceOf(FreshProofRequiredException.class);
        LocalOperatorSession analyst = TestOperators.session(clock, Role.ANALYST);
        analyst.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
        alice.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
        assertThatThrownBy(() -> custody.destroyDue(alice, analyst)).isInstanceOf(PermissionDeniedException.class);
        bob.proveWithPassphrase(TestOperators.PASSPHRASE.clone());
        List<KeyVersion> destroyed = custody.destroyDue(alice, bob);
        assertThat(destroyed).extracting(KeyVersion::state).containsExactly(KeyVersionState.DESTROYED);
        assertThat(softToken.holds("checkout-session-signing-v1")).isFalse();
        assertThat(audit.find(new AuditQuery(null, "key.version.destroyed", null, null, null, 10)).getFirst().details())
                .containsEntry("custodians", "alice,bob").containsEntry("proofs", "passphrase_weak,passphrase_weak");
        assertThatThrownBy(() -> custody.restore(RING, 1)).isInstanceOf(IllegalKeyTransitionException.class);
        assertConsistent(2);
    }
}
