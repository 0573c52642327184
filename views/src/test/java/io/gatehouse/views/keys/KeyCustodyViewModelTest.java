package io.gatehouse.views.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.keys.KeyRing;
import io.gatehouse.data.keys.KeyVersion;
import io.gatehouse.data.keys.KeyVersionState;
import io.gatehouse.data.keys.RotationStep;
import io.gatehouse.data.keys.token.KeyFinding;
import io.gatehouse.data.testing.TestOperators;
import io.gatehouse.views.keys.RotationWizard.Phase;
import io.gatehouse.views.keys.WizardStep.StepState;
import io.gatehouse.views.testing.SameThreadTaskExecutor;
import io.gatehouse.views.testing.ScriptedPins;
import io.gatehouse.views.testing.ServiceKeyCustody;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyCustodyViewModelTest {
    @TempDir
    Path dir;

    private ServiceKeyCustody port;
    private final ScriptedPins pins = new ScriptedPins();
    private final List<Throwable> reported = new ArrayList<>();
    private KeyCustodyViewModel vm;

    @BeforeEach
    void open() {
        port = new ServiceKeyCustody(dir).withRings();
        vm = new KeyCustodyViewModel(port, new SameThreadTaskExecutor(), reported::add, pins, port.clock);
    }

    @AfterEach
    void close() {
        port.close();
    }

    private KeyRing ring() {
        return port.ring(ServiceKeyCustody.RING);
    }

    private void selectCheckoutRing() {
        vm.selectedRingProperty().set(vm.rings().stream().filter(r -> r.name().equals(ServiceKeyCustody.RING))
                .findFirst().orElseThrow());
    }

    @Test
    void refreshReadsModulesRingsAndTheInventoryAndAWrongPinIsSaidAndAskedAgain() {
        port.withCarelessObjects();
        pins.answer("0000", "1234");
        vm.refresh();

        assertThat(vm.modules()).hasSize(2);
        assertThat(vm.modules().get(1).usable()).isFalse();
        assertThat(vm.rings()).extracting(KeyRing::name).contains("audit-chain", ServiceKeyCustody.RING);
        assertThat(pins.rejections).singleElement().asString().contains("PIN", "wrong");
        assertThat(port.pinsGiven).containsExactly("0000", "1234");
        assertThat(port.pinArrays).allSatisfy(a -> assertThat(new String(a)).isEqualTo("\0".repeat(a.length)));
        assertThat(vm.findings()).extracting(KeyFinding::kind).containsExactlyInAnyOrder(KeyFinding.Kind.EXTRACTABLE,
                KeyFinding.Kind.NOT_SENSITIVE, KeyFinding.Kind.ORPHAN_PRIVATE_KEY);
        assertThat(vm.inventory()).filteredOn(InventoryRow::flagged).extracting(r -> r.key().label())
                .containsExactlyInAnyOrder("legacy-wrap", "imported-2019");
        assertThat(vm.statusProperty().get().problem()).isTrue();
        assertThat(reported).isEmpty();
    }

    @Test
    void threeWrongPinsStopWithTheTokensSentence() {
        pins.answer("1", "2", "3");
        vm.refresh();
        assertThat(port.pinsGiven).hasSize(KeyCustodyViewModel.PIN_ATTEMPTS);
        assertThat(vm.statusProperty().get().key()).isEqualTo("keys.status.failed");
        assertThat(vm.statusProperty().get().args().getFirst().toString()).contains("is wrong");
        assertThat(vm.inventoryLoadedProperty().get()).isFalse();
    }

    @Test
    void aCancelledPinDoesNothingAndSaysSo() {
        pins.answer((String) null);
        vm.refresh();
        assertThat(vm.statusProperty().get().key()).isEqualTo("keys.status.pinCancelled");
        assertThat(reported).isEmpty();
    }

    @Test
    void aPinCancelledBeforeTheRotationStartsLeavesNothingToResumeOrRollBack() {
        vm.refresh();
        selectCheckoutRing();
        pins.answer((String) null);
        vm.rotate();
        assertThat(vm.wizard().phaseProperty().get()).isEqualTo(Phase.CANCELLED);
        assertThat(vm.wizard().outcomeProperty().get().key()).isEqualTo("keys.wizard.pinCancelled");
        assertThat(vm.wizard().resumable()).isFalse();
        assertThat(ring().versions()).hasSize(1);
        assertThat(reported).isEmpty();
    }

    @Test
    void theCryptoperiodWarnsBeforeItsEndAndAlertsAfter() {
        vm.refresh();
        assertThat(vm.cryptoperiod(ring())).contains(io.gatehouse.data.keys.CryptoperiodStatus.OK);
        port.advance(Duration.ofDays(77));
        assertThat(vm.cryptoperiod(ring())).contains(io.gatehouse.data.keys.CryptoperiodStatus.WARNING);
        port.advance(Duration.ofDays(13));
        assertThat(vm.cryptoperiod(ring())).contains(io.gatehouse.data.keys.CryptoperiodStatus.EXPIRED);
    }

    @Test
    void theWizardWalksEveryStepAndTheOldPrimaryBecomesVerifyOnly() {
        vm.refresh();
        selectCheckoutRing();
        List<StepState> generateStates = new ArrayList<>();
        vm.wizard().stepProperty(WizardStep.GENERATE).addListener((o, was, now) -> generateStates.add(now));
        vm.rotate();

        assertThat(vm.wizard().phaseProperty().get()).isEqualTo(Phase.DONE);
        for (WizardStep s : WizardStep.values()) {
            assertThat(vm.wizard().stepProperty(s).get()).as(s.name()).isEqualTo(StepState.DONE);
        }
        assertThat(generateStates).contains(StepState.DONE);
        assertThat(ring().active().orElseThrow().number()).isEqualTo(2);
        assertThat(ring().version(1).orElseThrow().state()).isEqualTo(KeyVersionState.RETIRING);
        assertThat(vm.wizard().outcomeProperty().get().key()).isEqualTo("keys.wizard.doneRetiring");
    }

    @Test
    void aRegistryFailureStopsAtPublishKeepsThePrimaryAndResumeFinishesFromThere() {
        vm.refresh();
        selectCheckoutRing();
        port.registry.down(true);
        vm.rotate();

        assertThat(vm.wizard().phaseProperty().get()).isEqualTo(Phase.INTERRUPTED);
        assertThat(vm.wizard().stepProperty(WizardStep.SELF_TEST).get()).isEqualTo(StepState.DONE);
        assertThat(vm.wizard().stepProperty(WizardStep.PUBLISH).get()).isEqualTo(StepState.FAILED);
        assertThat(vm.wizard().outcomeProperty().get().key()).isEqualTo("keys.wizard.interrupted");
        assertThat(vm.wizard().outcomeProperty().get().args()).contains(RotationStep.PUBLISHED, 1);
        assertThat(vm.wizard().detailProperty().get()).contains("cannot connect");
        assertThat(ring().active().orElseThrow().number()).isEqualTo(1);
        assertThat(vm.wizard().resumable()).isTrue();

        port.registry.down(false);
        vm.resume();
        assertThat(vm.wizard().phaseProperty().get()).isEqualTo(Phase.DONE);
        assertThat(vm.wizard().resumedProperty().get()).isTrue();
        assertThat(ring().active().orElseThrow().number()).isEqualTo(2);
    }

    @Test
    void aCancelTakesEffectBetweenStepsAndARollBackLeavesThePrimaryAlone() {
        vm.refresh();
        selectCheckoutRing();
        port.onStep = step -> {
            if (step == RotationStep.GENERATED) {
                vm.cancelRotation();
            }
        };
        vm.rotate();

        assertThat(vm.wizard().phaseProperty().get()).isEqualTo(Phase.CANCELLED);
        assertThat(ring().pending().orElseThrow().step()).isEqualTo(RotationStep.SELF_TESTED);
        assertThat(vm.wizard().stepProperty(WizardStep.PUBLISH).get()).isEqualTo(StepState.STOPPED);
        port.onStep = step -> { };

        vm.rollBack();
        assertThat(vm.wizard().phaseProperty().get()).isEqualTo(Phase.ROLLED_BACK);
        assertThat(ring().pending()).isEmpty();
        assertThat(ring().active().orElseThrow().number()).isEqualTo(1);
        assertThat(ring().version(2).orElseThrow().state()).isEqualTo(KeyVersionState.DESTROYED);
    }

    @Test
    void retireRestoreAndDualControlDestructionWithTwoDifferentCustodians() {
        vm.refresh();
        selectCheckoutRing();
        vm.rotate();
        port.advance(Duration.ofHours(2));
        KeyVersion old = ring().version(1).orElseThrow();
        vm.retire(old);
        assertThat(ring().version(1).orElseThrow().state()).isEqualTo(KeyVersionState.SCHEDULED_FOR_DESTRUCTION);
        vm.restore(ring().version(1).orElseThrow());
        assertThat(ring().version(1).orElseThrow().state()).isEqualTo(KeyVersionState.RETIRING);
        vm.retire(ring().version(1).orElseThrow());
        port.advance(Duration.ofDays(31));
        vm.refresh();
        assertThat(vm.due()).hasSize(1);

        char[] same1 = TestOperators.PASSPHRASE.clone();
        char[] same2 = TestOperators.PASSPHRASE.clone();
        vm.destroyDue(new CustodianProof("alice", same1), new CustodianProof("alice", same2));
        assertThat(vm.statusProperty().get().key()).isEqualTo("keys.dual.samePerson");
        assertThat(same1).containsOnly('\0');
        assertThat(same2).containsOnly('\0');
        assertThat(ring().version(1).orElseThrow().state()).isEqualTo(KeyVersionState.SCHEDULED_FOR_DESTRUCTION);

        vm.destroyDue(new CustodianProof("alice", TestOperators.PASSPHRASE.clone()),
                new CustodianProof("bob", TestOperators.PASSPHRASE.clone()));
        assertThat(ring().version(1).orElseThrow().state()).isEqualTo(KeyVersionState.DESTROYED);
        assertThat(vm.statusProperty().get().key()).isEqualTo("keys.status.destroyed");
        assertThat(vm.due()).isEmpty();
        assertThat(port.softToken.holds("checkout-session-signing-v1")).isFalse();
    }

    @Test
    void aWrongSecondPassphraseDestroysNothing() {
        vm.refresh();
        selectCheckoutRing();
        vm.rotate();
        port.advance(Duration.ofHours(2));
        vm.retire(ring().version(1).orElseThrow());
        port.advance(Duration.ofDays(31));
        vm.refresh();
        vm.destroyDue(new CustodianProof("alice", TestOperators.PASSPHRASE.clone()),
                new CustodianProof("bob", "guess".toCharArray()));
        assertThat(vm.statusProperty().get().problem()).isTrue();
        assertThat(ring().version(1).orElseThrow().state()).isEqualTo(KeyVersionState.SCHEDULED_FOR_DESTRUCTION);
        assertThat(reported).hasSize(1);
    }
}
