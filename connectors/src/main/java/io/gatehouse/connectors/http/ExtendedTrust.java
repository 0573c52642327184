package io.gatehouse.connectors.http;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The system's trust store, extended by a connection's own CAs. A chain is trusted when either
 * trusts it in full (path, validity, usage): extra CAs add anchors and never loosen the checks.
 */
final class ExtendedTrust implements X509TrustManager {
    private final List<X509TrustManager> managers;

    private ExtendedTrust(List<X509TrustManager> managers) {
        this.managers = managers;
    }

    static X509TrustManager of(List<X509Certificate> extraAnchors) {
        try {
            List<X509TrustManager> managers = new ArrayList<>();
            managers.add(fromKeyStore(null));
            if (!extraAnchors.isEmpty()) {
                KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
                anchors.load(null, null);
                for (int i = 0; i < extraAnchors.size(); i++) {
                    anchors.setCertificateEntry("extra-" + i, extraAnchors.get(i));
                }
                managers.add(fromKeyStore(anchors));
            }
            return managers.size() == 1 ? managers.getFirst() : new ExtendedTrust(List.copyOf(managers));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("the trust store cannot be built", e);
        }
    }

    private static X509TrustManager fromKeyStore(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        CertificateException first = null;
        for (X509TrustManager manager : managers) {
            try {
                manager.checkServerTrusted(chain, authType);
                return;
            } catch (CertificateException e) {
                // keep the most telling reason: an expired certificate beats "unknown issuer"
                if (first == null || e.getCause() instanceof java.security.cert.CertPathValidatorException) {
                    first = e;
                }
            }
        }
        throw first;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the console does not accept client connections");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return managers.stream().flatMap(m -> Stream.of(m.getAcceptedIssuers())).toArray(X509Certificate[]::new);
    }
}
