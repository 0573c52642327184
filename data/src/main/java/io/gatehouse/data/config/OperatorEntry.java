package io.gatehouse.data.config;

import io.gatehouse.data.operator.Operator;
import io.gatehouse.data.operator.Role;
import java.util.List;
import java.util.Set;

/** An operator as configured: id, display name and roles. */
public record OperatorEntry(String id, String name, List<Role> roles) {
    public OperatorEntry {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public Operator toOperator() {
        return new Operator(id, name == null ? id : name, Set.copyOf(roles));
    }
}
