package io.gatehouse.data.keys.token;

/** State a token reports about itself. */
public enum TokenFlag {
    INITIALIZED,
    LOGIN_REQUIRED,
    USER_PIN_INITIALIZED,
    PROTECTED_AUTHENTICATION_PATH,
    WRITE_PROTECTED,
    RANDOM_NUMBER_GENERATOR,
    USER_PIN_COUNT_LOW,
    USER_PIN_FINAL_TRY,
    USER_PIN_LOCKED,
    USER_PIN_TO_BE_CHANGED
}
