package io.gatehouse.data.operator.presence;

/** Why the console locked; recorded in the audit log. */
public enum LockReason {
    /** No key press or mouse use for the configured idle time. */
    IDLE,
    /** The operator locked it (Ctrl+L or the menu). */
    MANUAL
}
