package io.gatehouse.connectors.pkcs11;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.Base64URL;
import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.jwks.JwksRegistryClient;
import io.gatehouse.data.keys.KeyVersion;
import io.gatehouse.data.keys.token.SignatureMechanism;
import io.gatehouse.data.keys.token.TokenSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.random.RandomGenerator;

/** What the end-to-end rotation tests share: a registry client, and session tokens signed on the token. */
final class RotationRig {
    private RotationRig() {
    }

    static JwksRegistryClient registry(URI base, String adminToken) {
        UpstreamClient http = new UpstreamClient("JWKS registry", HttpClients.standard(null), InstantSource.system(),
                d -> { }, RandomGenerator.of("L64X128MixRandom"), 2, Duration.ofSeconds(1));
        return new JwksRegistryClient(http, base, adminToken);
    }

    /** A checkout session token (a compact ES256 JWS) signed by this version's key on the token. */
    static String sessionToken(TokenSession token, KeyVersion version) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(version.kid()).build();
        Payload payload = new Payload("{\"sub\":\"checkout-session\",\"v\":" + version.number() + "}");
        String input = header.toBase64URL() + "." + payload.toBase64URL();
        byte[] signature = token.sign(version.keyLabel(), SignatureMechanism.ECDSA_SHA256,
                input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64URL.encode(signature);
    }

    /** The sandbox's verdict on a token, as a relying party would ask for it. */
    static JsonNode verify(URI base, String jws) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("v1/tokens/verify"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + jws + "\"}"))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            return new ObjectMapper().readTree(response.body());
        }
    }
}
