package io.gatehouse.data.operator;

import java.util.Locale;

/** A job an operator holds; permissions follow from roles through {@link RolePermissions}. */
public enum Role {
    ANALYST, LEAD, KEY_CUSTODIAN, EXECUTIVE_VIEWER;

    /** The configuration spelling, for example {@code key-custodian}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Role fromConfigName(String name) {
        for (Role role : values()) {
            if (role.configName().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "'");
    }
}
