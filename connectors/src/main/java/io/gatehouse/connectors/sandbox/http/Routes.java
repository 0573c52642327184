package io.gatehouse.connectors.sandbox.http;

import io.gatehouse.connectors.sandbox.problem.ApiProblem;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** Small routing checks shared by the handlers: methods and bearer tokens. */
final class Routes {
    private Routes() {
    }

    static void requireMethod(ApiExchange ex, String... allowed) {
        if (Arrays.asList(allowed).contains(ex.method())) {
            return;
        }
        ex.setHeader("Allow", String.join(", ", allowed));
        throw new ApiProblem(405, "method-not-allowed", "Method not allowed",
                ex.method() + " is not allowed on " + ex.path(), Map.of("allow", Arrays.asList(allowed)));
    }

    /** Compares in constant time so the token cannot be guessed byte by byte from response times. */
    static void requireBearer(ApiExchange ex, String token) {
        String header = ex.header("Authorization");
        boolean ok = header != null && header.startsWith("Bearer ")
                && MessageDigest.isEqual(header.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            ex.setHeader("WWW-Authenticate", "Bearer realm=\"gatehouse-sandbox\"");
            throw new ApiProblem(401, "unauthorized", "Authentication required",
                    "this endpoint needs the sandbox admin bearer token");
        }
    }
}
