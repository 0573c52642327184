package io.gatehouse.connectors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.Test;

class JwksRotationTest {

    private static String token(ECKey key) throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new Payload("{\"sub\":\"session\"}"));
        jws.sign(new ECDSASigner(key));
        return jws.serialize();
    }

    private static String set(ECKey... keys) {
        StringBuilder b = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < keys.length; i++) {
            b.append(i == 0 ? "" : ",").append(keys[i].toPublicJWK().toJSONString());
        }
        return b.append("]}").toString();
    }

    private static boolean verifies(SandboxFixture f, String token) {
        return f.post("/v1/tokens/verify", "{\"token\":\"" + token + "\"}").json().get("valid").asBoolean();
    }

    @Test
    void rotationWithAnOverlapNeverRejectsALiveToken() throws Exception {
        ECKey old = new ECKeyGenerator(Curve.P_256).keyID("2026-01").generate();
        ECKey next = new ECKeyGenerator(Curve.P_256).keyID("2026-02").generate();
        try (SandboxFixture f = new SandboxFixture(1)) {
            assertThat(f.put("/admin/jwks", set(old), f.admin()).status()).isEqualTo(200);
            String oldToken = token(old);
            assertThat(verifies(f, oldToken)).isTrue();
            assertThat(verifies(f, token(next))).isFalse();

            f.put("/admin/jwks", set(old, next), f.admin());
            assertThat(verifies(f, oldToken)).isTrue();
            assertThat(verifies(f, token(next))).isTrue();

            f.put("/admin/jwks", set(next), f.admin());
            assertThat(f.post("/v1/tokens/verify", "{\"token\":\"" + oldToken + "\"}").json().get("reason").asText())
                    .isEqualTo("unknown_kid");
            assertThat(verifies(f, token(next))).isTrue();
            assertThat(f.get("/.well-known/jwks.json").json().get("keys")).hasSize(1);
        }
    }

    @Test
    void publishingNeedsTheAdminTokenAndPublicKeysOnly() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        try (SandboxFixture f = new SandboxFixture(1)) {
            assertThat(f.put("/admin/jwks", set(key), java.util.Map.of("Authorization", "Bearer wrong")).status())
                    .isEqualTo(401);
            assertThat(f.put("/admin/jwks", "{\"keys\":[" + key.toJSONString() + "]}", f.admin()).status())
                    .as("a private key is refused").isEqualTo(400);
            assertThat(f.put("/admin/jwks", "not json", f.admin()).json().get("type").asText())
                    .endsWith("/invalid-key-set");
            assertThat(f.post("/v1/tokens/verify", "{\"token\":\"abc\"}").json().get("reason").asText()).isEqualTo("malformed");
        }
    }
}
