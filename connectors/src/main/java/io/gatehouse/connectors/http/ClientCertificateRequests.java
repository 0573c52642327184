package io.gatehouse.connectors.http;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * Notices when a server asks for a client certificate that the console cannot give. Under TLS
 * 1.3 the server's refusal arrives after the handshake, as a bare connection reset; this record,
 * kept per calling thread (OkHttp handshakes on the caller's thread), turns that reset into the
 * right advice.
 */
final class ClientCertificateRequests extends X509ExtendedKeyManager {
    private static final ThreadLocal<Boolean> UNANSWERED = ThreadLocal.withInitial(() -> false);

    private final X509KeyManager delegate;

    private ClientCertificateRequests(X509KeyManager delegate) {
        this.delegate = delegate;
    }

    /** Wraps the connection's client keys, or stands in for none. */
    static KeyManager[] observing(KeyManager[] keys) {
        X509KeyManager x509 = null;
        if (keys != null) {
            for (KeyManager key : keys) {
                if (key instanceof X509KeyManager k) {
                    x509 = k;
                    break;
                }
            }
        }
        return new KeyManager[] {new ClientCertificateRequests(x509)};
    }

    static void reset() {
        UNANSWERED.set(false);
    }

    /** True when, on this thread since {@link #reset()}, a server asked and nothing fitting was found. */
    static boolean unanswered() {
        return UNANSWERED.get();
    }

    private String noted(String alias) {
        if (alias == null) {
            UNANSWERED.set(true);
        }
        return alias;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return noted(delegate == null ? null : delegate.chooseClientAlias(keyType, issuers, socket));
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return noted(delegate instanceof X509ExtendedKeyManager extended
                ? extended.chooseEngineClientAlias(keyType, issuers, engine)
                : delegate == null ? null : delegate.chooseClientAlias(keyType, issuers, null));
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return delegate == null ? null : delegate.getClientAliases(keyType, issuers);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return delegate == null ? null : delegate.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return delegate == null ? null : delegate.getPrivateKey(alias);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
