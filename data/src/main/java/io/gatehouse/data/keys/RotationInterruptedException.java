package io.gatehouse.data.keys;

import io.gatehouse.data.GatehouseException;

/**
 * A rotation stopped part way. The message says which step failed, which version is still
 * primary, and that running the rotation again resumes it from the recorded step.
 */
public final class RotationInterruptedException extends GatehouseException {
    private final KeyVersion pending;
    private final RotationStep failedStep;

    RotationInterruptedException(KeyRing ring, KeyVersion pending, GatehouseException cause) {
        super(cause.kind(), "Rotation of key ring '" + ring.name() + "' stopped before step "
                + pending.step().following().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": "
                + cause.getMessage() + " " + ring.active().map(a -> "Version " + a.number() + " stays primary.")
                .orElse("The ring has no primary version yet.") + " Run the rotation again to resume it from there,"
                + " or roll it back.", cause);
        this.pending = pending;
        this.failedStep = pending.step().following();
    }

    /** The version whose rotation stopped, as recorded. */
    public KeyVersion pending() {
        return pending;
    }

    /** The step that did not complete. */
    public RotationStep failedStep() {
        return failedStep;
    }
}
