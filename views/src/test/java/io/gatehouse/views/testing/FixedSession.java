package io.gatehouse.views.testing;

import io.gatehouse.data.operator.Operator;
import io.gatehouse.data.operator.OperatorSession;
import io.gatehouse.data.operator.Permission;
import io.gatehouse.data.operator.PermissionDeniedException;
import io.gatehouse.data.operator.ProofKind;
import io.gatehouse.data.operator.Role;
import java.time.Duration;
import java.util.Set;

/** A signed-in operator for tests; permissions follow the real role table. */
public record FixedSession(Operator operator) implements OperatorSession {
    public static FixedSession of(String name, Role... roles) {
        return new FixedSession(new Operator(name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.'), name, Set.of(roles)));
    }

    @Override
    public void require(Permission permission) {
        if (!operator.may(permission)) {
            throw new PermissionDeniedException(operator, permission);
        }
    }

    @Override
    public ProofKind requireFreshProof(Duration maxAge) {
        return ProofKind.PASSPHRASE_WEAK;
    }
}
