package io.gatehouse.data.config;

/**
 * The certificate a connection presents for mutual TLS. Either a key that never leaves a PKCS#11
 * token ({@code token} label, {@code key} alias, {@code module} library; the PIN is asked at first
 * use), or, for development only, a PKCS#12 file whose password is a named secret.
 */
public record ClientCertificate(String token, String key, String module, String pkcs12, String passwordSecret) {

    /** A token-held key. */
    public static ClientCertificate onToken(String token, String key, String module) {
        return new ClientCertificate(token, key, module, null, null);
    }

    /** A development PKCS#12 file. */
    public static ClientCertificate fromPkcs12(String pkcs12, String passwordSecret) {
        return new ClientCertificate(null, null, null, pkcs12, passwordSecret);
    }

    /** True when the key is on a token; otherwise it comes from a PKCS#12 file. */
    public boolean tokenHeld() {
        return pkcs12 == null;
    }
}
