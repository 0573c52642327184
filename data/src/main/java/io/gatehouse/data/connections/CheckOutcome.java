package io.gatehouse.data.connections;

/** What a connection test found; each failure has its own sentence in the Connections area. */
public enum CheckOutcome {
    /** The server answered over the connection's configured transport. */
    OK,
    /** The server's certificate has expired. */
    CERTIFICATE_EXPIRED,
    /** The server's certificate is not valid yet: often this machine's clock. */
    CERTIFICATE_NOT_YET_VALID,
    /** The certificate is issued for another host name. */
    WRONG_HOST,
    /** No trusted authority (system or the connection's CA bundle) issued the certificate. */
    UNKNOWN_AUTHORITY,
    /** The server's public key does not match any pin. */
    PIN_MISMATCH,
    /** The server demands a client certificate the console did not present or the server did not accept. */
    CLIENT_CERTIFICATE_REQUIRED,
    /** The client certificate could not be used: token absent, wrong PIN, key or file missing. */
    CLIENT_KEY_UNAVAILABLE,
    /** Another TLS failure. */
    TLS_FAILED,
    /** Nothing listens there, or the name does not resolve. */
    UNREACHABLE,
    /** The server did not answer in time. */
    TIMED_OUT,
    /** The server answered with an error status. */
    HTTP_ERROR
}
