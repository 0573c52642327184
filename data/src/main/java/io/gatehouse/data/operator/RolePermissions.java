package io.gatehouse.data.operator;

import static io.gatehouse.data.operator.Permission.*;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The role to permission table. Least privilege: each role gets only what its job needs. */
public final class RolePermissions {
    private static final Map<Role, Set<Permission>> TABLE = new EnumMap<>(Role.class);

    static {
        TABLE.put(Role.ANALYST, EnumSet.of(VIEW_CASES, DECIDE_CASES, VIEW_TELEMETRY, VIEW_AUDIT));
        TABLE.put(Role.LEAD, EnumSet.of(VIEW_CASES, DECIDE_CASES, BULK_DECIDE, APPROVE_FOUR_EYES, VIEW_TELEMETRY,
                MANAGE_INCIDENTS, VIEW_EXECUTIVE, EDIT_ASSESSMENTS, VIEW_AUDIT, VERIFY_AUDIT,
                ERASE_PERSONAL_DATA, MANAGE_CONNECTIONS, ENROL_OPERATORS));
        TABLE.put(Role.KEY_CUSTODIAN, EnumSet.of(VIEW_KEYS, MANAGE_KEYS, VIEW_AUDIT, VERIFY_AUDIT));
        TABLE.put(Role.EXECUTIVE_VIEWER, EnumSet.of(VIEW_TELEMETRY, VIEW_EXECUTIVE));
    }

    private RolePermissions() {
    }

    public static Set<Permission> of(Role role) {
        return Set.copyOf(TABLE.get(role));
    }

    public static Set<Permission> of(Collection<Role> roles) {
        EnumSet<Permission> all = EnumSet.noneOf(Permission.class);
        roles.forEach(role -> all.addAll(TABLE.get(role)));
        return all;
    }
}
