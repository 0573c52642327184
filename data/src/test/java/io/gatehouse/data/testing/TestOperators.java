package io.gatehouse.data.testing;

import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.Operator;
import io.gatehouse.data.operator.Role;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Set;

/** Operators and sessions for tests. */
public final class TestOperators {
    public static final char[] PASSPHRASE = "correct horse".toCharArray();

    private TestOperators() {
    }

    public static Operator operator(String id, Role... roles) {
        return new Operator(id, id, Set.of(roles));
    }

    public static LocalOperatorSession session(InstantSource clock, Role... roles) {
        return new LocalOperatorSession(operator("op-" + roles[0].configName(), roles), clock,
                candidate -> Arrays.equals(candidate, PASSPHRASE));
    }

    public static LocalOperatorSession lead(InstantSource clock) {
        return session(clock, Role.LEAD);
    }
}
