package io.gatehouse.views.session;

import java.util.Objects;

/**
 * What a secret prompt asks for and why.
 *
 * @param purpose  sign-in, unlocking the secret store, or a step-up before an action
 * @param kind     a card PIN or a passphrase
 * @param operator the operator's display name, shown so the right person answers
 * @param detail   the action being confirmed, or the card's token label; may be empty
 * @param weaker   true for the development profile, which the prompt marks as weaker
 */
public record SecretRequest(Purpose purpose, SecretKind kind, String operator, String detail, boolean weaker) {
    public SecretRequest {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(kind, "kind");
        operator = operator == null ? "" : operator;
        detail = detail == null ? "" : detail;
    }

    /** Why the secret is asked. */
    public enum Purpose {
        /** Signing in when the console starts. */
        SIGN_IN,
        /** Opening the secret store that holds the connections' API keys. */
        SECRET_STORE,
        /** Fresh proof before a sensitive action. */
        STEP_UP
    }

    /** What is typed. */
    public enum SecretKind {
        PIN, PASSPHRASE
    }
}
