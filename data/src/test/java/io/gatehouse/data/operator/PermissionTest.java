package io.gatehouse.data.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.TestOperators;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PermissionTest {
    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");

    @ParameterizedTest
    @EnumSource(Permission.class)
    void everyPermissionIsRefusedToEveryRoleWithoutIt(Permission permission) {
        int refusedRoles = 0;
        for (Role role : Role.values()) {
            LocalOperatorSession session = TestOperators.session(clock, role);
            if (RolePermissions.of(role).contains(permission)) {
                session.require(permission);
            } else {
                refusedRoles++;
                assertThatThrownBy(() -> session.require(permission))
                        .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                            assertThat(e.permission()).isEqualTo(permission);
                            assertThat(e.kind()).isEqualTo(FailureKind.PERMISSION);
                        });
            }
        }
        assertThat(refusedRoles).as("some role lacks " + permission).isPositive();
    }

    @Test
    void everyPermissionBelongsToSomeRole() {
        EnumSet<Permission> granted = EnumSet.noneOf(Permission.class);
        Arrays.stream(Role.values()).forEach(role -> granted.addAll(RolePermissions.of(role)));
        assertThat(granted).containsExactlyInAnyOrder(Permission.values());
    }

    @Test
    void onlyLeadsApproveFourEyesAndOnlyCustodiansManageKeys() {
        assertThat(RolePermissions.of(Role.ANALYST)).doesNotContain(Permission.APPROVE_FOUR_EYES, Permission.MANAGE_KEYS);
        assertThat(RolePermissions.of(Role.EXECUTIVE_VIEWER)).doesNotContain(Permission.DECIDE_CASES, Permission.MANAGE_KEYS);
        assertThat(RolePermissions.of(Role.LEAD)).doesNotContain(Permission.MANAGE_KEYS);
        assertThat(RolePermissions.of(Role.KEY_CUSTODIAN)).doesNotContain(Permission.DECIDE_CASES);
    }

    @Test
    void onlyLeadsDecideInBulk() {
        assertThat(RolePermissions.of(Role.LEAD)).contains(Permission.BULK_DECIDE);
        assertThat(RolePermissions.of(Role.ANALYST)).doesNotContain(Permission.BULK_DECIDE);
        assertThat(RolePermissions.of(Role.KEY_CUSTODIAN)).doesNotContain(Permission.BULK_DECIDE);
        assertThat(RolePermissions.of(Role.EXECUTIVE_VIEWER)).doesNotContain(Permission.BULK_DECIDE);
    }

    @Test
    void rolesAddUp() {
        Operator both = new Operator("a", "A", Set.of(Role.ANALYST, Role.KEY_CUSTODIAN));
        assertThat(both.may(Permission.DECIDE_CASES)).isTrue();
        assertThat(both.may(Permission.MANAGE_KEYS)).isTrue();
        assertThat(both.may(Permission.APPROVE_FOUR_EYES)).isFalse();
    }

    @Test
    void freshProofIsAPassphraseReEntryOfTheWeakKindThatExpires() {
        LocalOperatorSession session = TestOperators.lead(clock);
        assertThatThrownBy(() -> session.requireFreshProof(Duration.ofMinutes(5)))
                .isInstanceOf(FreshProofRequiredException.class).hasMessageContaining("5 minutes");

        char[] entered = TestOperators.PASSPHRASE.clone();
        session.proveWithPassphrase(entered);
        assertThat(entered).containsOnly('\0');
        assertThat(session.requireFreshProof(Duration.ofMinutes(5))).isEqualTo(ProofKind.PASSPHRASE_WEAK);

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThatThrownBy(() -> session.requireFreshProof(Duration.ofMinutes(5)))
                .isInstanceOf(FreshProofRequiredException.class);
    }

    @Test
    void aWrongPassphraseIsRefusedWipedAndReported() {
        LocalOperatorSession session = TestOperators.lead(clock);
        java.util.List<Boolean> attempts = new java.util.ArrayList<>();
        session.onProofAttempt((kind, ok) -> attempts.add(ok));
        char[] wrong = "wrong".toCharArray();
        assertThatThrownBy(() -> session.proveWithPassphrase(wrong)).hasMessageContaining("not right");
        assertThat(wrong).containsOnly('\0');
        assertThat(attempts).containsExactly(false);
        assertThatThrownBy(() -> session.requireFreshProof(Duration.ofHours(1))).isInstanceOf(FreshProofRequiredException.class);
    }
}
