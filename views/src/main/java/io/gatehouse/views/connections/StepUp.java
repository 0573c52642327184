package io.gatehouse.views.connections;

/**
 * Makes sure the operator proved presence recently before a sensitive change, asking for a fresh
 * proof when needed. Called on the FX thread; the services check the proof again themselves.
 */
@FunctionalInterface
public interface StepUp {
    /** True when a fresh proof is in place (now or already); false when the operator cancelled. */
    boolean confirm();
}
