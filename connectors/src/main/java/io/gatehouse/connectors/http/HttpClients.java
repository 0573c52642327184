package io.gatehouse.connectors.http;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * The shared OkHttp set-up: TLS verification as the JDK does it (never disabled here), bounded
 * timeouts, and the system's proxy settings unless a connection names its own proxy.
 */
public final class HttpClients {
    private HttpClients() {
    }

    /**
     * A client for one connection with its own TLS settings: extra CAs, SPKI pins for the
     * connection's host, and a client certificate for mutual TLS.
     */
    public static OkHttpClient secured(URI connectionUrl, URI proxy, TlsSettings tls) {
        javax.net.ssl.X509TrustManager trust = ExtendedTrust.of(tls.extraTrustAnchors());
        try {
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(ClientCertificateRequests.observing(tls.clientKeys()), new javax.net.ssl.TrustManager[] {trust}, null);
            OkHttpClient.Builder builder = standard(proxy).newBuilder().sslSocketFactory(context.getSocketFactory(), trust);
            if (!tls.spkiPins().isEmpty()) {
                okhttp3.CertificatePinner.Builder pins = new okhttp3.CertificatePinner.Builder();
                tls.spkiPins().forEach(pin -> pins.add(connectionUrl.getHost(), "sha256/" + pin));
                builder.certificatePinner(pins.build());
            }
            return builder.build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("TLS cannot be set up on this JDK", e);
        }
    }

    public static OkHttpClient standard(URI proxy) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(20))
                .writeTimeout(Duration.ofSeconds(20))
                .callTimeout(Duration.ofSeconds(60))
                .followRedirects(false)
                .followSslRedirects(false)
                // retries are the UpstreamClient's, with backoff; OkHttp's silent one would double them
                .retryOnConnectionFailure(false);
        if (proxy != null) {
            builder.proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(proxy.getHost(), proxy.getPort())));
        }
        return builder.build();
    }
}
