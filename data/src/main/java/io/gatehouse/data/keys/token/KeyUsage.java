package io.gatehouse.data.keys.token;

/** What a key is allowed to do, as the token's usage attributes say. */
public enum KeyUsage {
    SIGN,
    VERIFY,
    ENCRYPT,
    DECRYPT,
    WRAP,
    UNWRAP,
    DERIVE
}
