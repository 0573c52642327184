package io.gatehouse.views.common;

/** The one way views talk to the operator outside their own screen; tests replace it with a recorder. */
public interface DialogService {
    /** Shows an in-app notification; must be called on the UI thread. */
    void notify(UserMessage message);
}
