package io.gatehouse.data.keys.token;

/** What an object on the token is. */
public enum KeyClass {
    PRIVATE_KEY,
    PUBLIC_KEY,
    SECRET_KEY,
    CERTIFICATE
}
