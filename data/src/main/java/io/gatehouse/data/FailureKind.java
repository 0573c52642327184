package io.gatehouse.data;

/** What kind of failure stopped an operation; the command line maps each to its exit code. */
public enum FailureKind {
    /** A check found a problem, such as a broken audit chain. */
    CHECK_FAILED,
    /** The configuration is invalid or incomplete. */
    CONFIGURATION,
    /** An upstream service or the network failed. */
    UPSTREAM,
    /** The operator is not who they claim, or lacks the permission. */
    PERMISSION,
    /** The local store cannot be opened or written. */
    LOCAL_STORE
}
