package io.gatehouse.views.testing;

import io.gatehouse.data.health.ConnectionKind;
import io.gatehouse.data.health.HealthProbe;
import io.gatehouse.data.health.HealthState;

/** A health probe whose answer a test sets. */
public final class ScriptedProbe implements HealthProbe {
    private final String name;
    private final ConnectionKind kind;
    public volatile Result next;

    public ScriptedProbe(String name, ConnectionKind kind, HealthState state, String detail) {
        this.name = name;
        this.kind = kind;
        this.next = new Result(state, detail);
    }

    @Override
    public String connection() {
        return name;
    }

    @Override
    public ConnectionKind kind() {
        return kind;
    }

    @Override
    public Result check() {
        return next;
    }
}
