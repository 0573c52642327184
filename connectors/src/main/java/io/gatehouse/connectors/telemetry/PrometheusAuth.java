package io.gatehouse.connectors.telemetry;

import java.util.Objects;
import okhttp3.Credentials;

/**
 * How the console authenticates to a Prometheus-compatible server. The composition root reads the
 * credential from the secret store; it never sits in the configuration file, and no
 * {@code toString} here shows it.
 */
public sealed interface PrometheusAuth {
    /** The Authorization header value, or null to send none. */
    String headerValue();

    static PrometheusAuth none() {
        return None.INSTANCE;
    }

    static PrometheusAuth bearer(String token) {
        return new Bearer(token);
    }

    static PrometheusAuth basic(String user, String password) {
        return new Basic(user, password);
    }

    /**
     * A bearer token read at each request, so a secret store unlocked after the console started is
     * used from then on; while {@code token} has none, no header is sent and the server's 401 says why.
     */
    static PrometheusAuth bearerWhenAvailable(java.util.function.Supplier<java.util.Optional<String>> token) {
        return new DeferredBearer(token);
    }

    /** A bearer token from the secret store, looked up per request. */
    final class DeferredBearer implements PrometheusAuth {
        private final java.util.function.Supplier<java.util.Optional<String>> token;

        private DeferredBearer(java.util.function.Supplier<java.util.Optional<String>> token) {
            this.token = Objects.requireNonNull(token, "token");
        }

        @Override
        public String headerValue() {
            return token.get().map(t -> "Bearer " + t).orElse(null);
        }

        @Override
        public String toString() {
            return "Bearer(from the secret store)";
        }
    }

    /** No credentials (a Prometheus on this machine, or behind a trusted proxy). */
    enum None implements PrometheusAuth {
        INSTANCE;

        @Override
        public String headerValue() {
            return null;
        }
    }

    /** {@code Authorization: Bearer …}, as Grafana Cloud, Mimir gateways and most proxies expect. */
    final class Bearer implements PrometheusAuth {
        private final String token;

        private Bearer(String token) {
            this.token = Objects.requireNonNull(token, "token");
        }

        @Override
        public String headerValue() {
            return "Bearer " + token;
        }

        @Override
        public String toString() {
            return "Bearer(…)";
        }
    }

    /** HTTP basic auth, as Prometheus's own {@code web.yml} basic_auth_users expects. */
    final class Basic implements PrometheusAuth {
        private final String user;
        private final String password;

        private Basic(String user, String password) {
            this.user = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(password, "password");
        }

        @Override
        public String headerValue() {
            return Credentials.basic(user, password, java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "Basic(" + user + ", …)";
        }
    }
}
