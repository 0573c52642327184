package io.gatehouse.data.operator;

import java.util.Objects;
import java.util.Set;

/** A person who uses the console, with the roles they hold. */
public record Operator(String id, String displayName, Set<Role> roles) {
    public Operator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        roles = Set.copyOf(roles);
        if (id.isBlank()) {
            throw new IllegalArgumentException("operator id is blank");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("operator " + id + " has no role");
        }
    }

    public Set<Permission> permissions() {
        return RolePermissions.of(roles);
    }

    public boolean may(Permission permission) {
        return permissions().contains(permission);
    }
}
