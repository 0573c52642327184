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
