package io.gatehouse.data.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.keys.token.KeyAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyVersionRulesTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final RotationPolicy POLICY = RotationPolicy.withDefaultGrace(KeyAlgorithm.EC_P256,
            Duration.ofDays(90), Duration.ofDays(14), Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofDays(30));

    private static final Map<KeyVersionState, EnumSet<KeyVersionState>> LEGAL = Map.of(
            KeyVersionState.PENDING, EnumSet.of(KeyVersionState.ACTIVE, KeyVersionState.DESTROYED),
            KeyVersionState.ACTIVE, EnumSet.of(KeyVersionState.RETIRING),
            KeyVersionState.RETIRING, EnumSet.of(KeyVersionState.SCHEDULED_FOR_DESTRUCTION),
            KeyVersionState.SCHEDULED_FOR_DESTRUCTION, EnumSet.of(KeyVersionState.RETIRING, KeyVersionState.DESTROYED),
            KeyVersionState.DESTROYED, EnumSet.noneOf(KeyVersionState.class));

    private static KeyVersion in(KeyVersionState state, RotationStep step, Instant due) {
        return new KeyVersion("checkout", 1, state, step, "checkout-v1", "kid", new byte[] {1}, T0, T0, due);
    }

    @ParameterizedTest
    @EnumSource(KeyVersionState.class)
    void onlyTheListedMovesAreLegalAndEveryOtherIsRefused(KeyVersionState from) {
        for (KeyVersionState to : KeyVersionState.values()) {
            assertThat(from.mayMoveTo(to)).as(from + " -> " + to).isEqualTo(LEGAL.get(from).contains(to));
            if (!LEGAL.get(from).contains(to)) {
                KeyVersion v = in(from, from == KeyVersionState.PENDING ? RotationStep.SERVED : RotationStep.ACTIVATED, null);
                assertThatThrownBy(() -> v.moveTo(to, T0, POLICY)).as(from + " -> " + to)
                        .isInstanceOf(IllegalKeyTransitionException.class).hasMessageContaining("cannot become");
            }
        }
    }

    @Test
    void aPendingVersionBecomesPrimaryOnlyOnceItsKeySetIsServed() {
        for (RotationStep step : RotationStep.values()) {
            if (step == RotationStep.SERVED || step == RotationStep.ACTIVATED) {
                continue;
            }
            assertThatThrownBy(() -> in(KeyVersionState.PENDING, step, null).moveTo(KeyVersionState.ACTIVE, T0, POLICY))
                    .hasMessageContaining("before its key set is served");
        }
        KeyVersion active = in(KeyVersionState.PENDING, RotationStep.SERVED, null).moveTo(KeyVersionState.ACTIVE, T0, POLICY);
        assertThat(active.state()).isEqualTo(KeyVersionState.ACTIVE);
        assertThat(active.step()).isEqualTo(RotationStep.ACTIVATED);
    }

    @Test
    void stepsGoOneAtATimeAndOnlyWhilePending() {
        KeyVersion v = KeyVersion.requested("checkout", 2, T0);
        assertThat(v.keyLabel()).isEqualTo("checkout-v2");
        assertThatThrownBy(() -> v.withStep(RotationStep.SELF_TESTED)).isInstanceOf(IllegalKeyTransitionException.class);
        assertThat(v.withStep(RotationStep.GENERATED).step()).isEqualTo(RotationStep.GENERATED);
        assertThatThrownBy(() -> in(KeyVersionState.ACTIVE, RotationStep.ACTIVATED, null).withStep(RotationStep.ACTIVATED))
                .isInstanceOf(IllegalKeyTransitionException.class);
    }

    @Test
    void theGracePeriodDefaultsToTokenLifetimePlusCacheTimeAndHoldsRetirementBack() {
        assertThat(POLICY.gracePeriod()).isEqualTo(Duration.ofMinutes(70));
        KeyVersion retiring = in(KeyVersionState.ACTIVE, RotationStep.ACTIVATED, null)
                .moveTo(KeyVersionState.RETIRING, T0, POLICY);
        assertThat(retiring.dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(70)));
        assertThatThrownBy(() -> retiring.moveTo(KeyVersionState.SCHEDULED_FOR_DESTRUCTION, T0.plusSeconds(4199), POLICY))
                .hasMessageContaining("until " + T0.plus(Duration.ofMinutes(70)));
        KeyVersion scheduled = retiring.moveTo(KeyVersionState.SCHEDULED_FOR_DESTRUCTION, T0.plusSeconds(4200), POLICY);
        assertThat(scheduled.dueAt()).isEqualTo(T0.plusSeconds(4200).plus(Duration.ofDays(30)));
    }

    @Test
    void destructionWaitsForTheWindowAndARestoreComesBackVerifyOnly() {
        KeyVersion scheduled = in(KeyVersionState.SCHEDULED_FOR_DESTRUCTION, RotationStep.ACTIVATED, T0.plus(Duration.ofDays(30)));
        assertThatThrownBy(() -> scheduled.moveTo(KeyVersionState.DESTROYED, T0.plus(Duration.ofDays(29)), POLICY))
                .isInstanceOf(IllegalKeyTransitionException.class);
        assertThat(scheduled.moveTo(KeyVersionState.DESTROYED, T0.plus(Duration.ofDays(30)), POLICY).state())
                .isEqualTo(KeyVersionState.DESTROYED);
        KeyVersion restored = scheduled.moveTo(KeyVersionState.RETIRING, T0.plusSeconds(5), POLICY);
        assertThat(restored.state()).isEqualTo(KeyVersionState.RETIRING);
        assertThat(restored.dueAt()).as("its grace period is already over").isEqualTo(T0.plusSeconds(5));
        assertThat(restored.state().published()).isTrue();
    }

    @Test
    void theCryptoperiodWarnsBeforeItsEndAndAlertsAfter() {
        assertThat(POLICY.status(T0, T0.plus(Duration.ofDays(75)).minusSeconds(1))).isEqualTo(CryptoperiodStatus.OK);
        assertThat(POLICY.status(T0, T0.plus(Duration.ofDays(76)))).isEqualTo(CryptoperiodStatus.WARNING);
        assertThat(POLICY.status(T0, T0.plus(Duration.ofDays(90)))).isEqualTo(CryptoperiodStatus.EXPIRED);
    }

    @Test
    void policiesRefuseKeysTheRegistryCannotVerifyAndNonsenseDurations() {
        assertThatThrownBy(() -> RotationPolicy.defaults(KeyAlgorithm.ED25519)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RotationPolicy.defaults(KeyAlgorithm.AES_256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RotationPolicy(KeyAlgorithm.EC_P256, Duration.ofDays(1), Duration.ofDays(2),
                Duration.ofHours(1), Duration.ofDays(1))).hasMessageContaining("warning");
        assertThatThrownBy(() -> new RotationPolicy(KeyAlgorithm.EC_P256, Duration.ofDays(1), Duration.ZERO,
                Duration.ZERO, Duration.ofDays(1))).hasMessageContaining("grace");
        assertThatThrownBy(() -> KeyRing.checkName("Checkout Keys")).isInstanceOf(IllegalArgumentException.class);
        assertThat(KeyRing.checkName("checkout-session-signing")).isEqualTo("checkout-session-signing");
    }
}
