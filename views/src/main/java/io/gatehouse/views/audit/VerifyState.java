package io.gatehouse.views.audit;

/** Where the chain verification stands. */
public enum VerifyState {
    IDLE, RUNNING, INTACT, BROKEN, CANCELLED, FAILED
}
