package io.gatehouse.views.session;

/**
 * Asks for fresh proof of presence before a sensitive action. An area calls
 * {@code gate.before("key.rotate", this::startRotation)}: the action runs on the JavaFX thread once the
 * operator holds a proof no older than the configured step-up age (at once when they already do), and never
 * when they cancel. The action name is written to the audit log with the proof.
 */
@FunctionalInterface
public interface StepUpGate {
    /** Lets every action through; for tests and for consoles without a session guard. */
    StepUpGate NONE = (action, proceed, cancelled) -> proceed.run();

    /** As {@link #before(String, Runnable, Runnable)}, with nothing to undo on cancel. */
    default void before(String action, Runnable proceed) {
        before(action, proceed, () -> { });
    }

    /** Runs {@code proceed} after a fresh proof, or {@code cancelled} when the operator gives up; both on the JavaFX thread. */
    void before(String action, Runnable proceed, Runnable cancelled);
}
