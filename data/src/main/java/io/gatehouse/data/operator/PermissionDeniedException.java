package io.gatehouse.data.operator;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;

/** The operator lacks a permission the action needs. */
public final class PermissionDeniedException extends GatehouseException {
    private final Permission permission;

    public PermissionDeniedException(Operator operator, Permission permission) {
        super(FailureKind.PERMISSION, "Operator " + operator.id() + " may not do this: it needs the "
                + permission.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + " permission. Ask a lead to grant a role that has it.");
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }
}
