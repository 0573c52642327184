package io.gatehouse.connectors.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.KeyClass;
import io.gatehouse.data.keys.token.TokenCipher;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.secrets.Secret;
import io.gatehouse.data.secrets.TokenSecretStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token-backed secret store on a real SoftHSM2 token: AES-256-GCM under a key that cannot leave it. */
class TokenSecretStoreOnSoftHsmTest {
    private static final String KEY = "secret-store-aes";

    @TempDir
    Path tmp;

    @Test
    void secretsAreSealedByTheTokensNonExtractableKey() throws Exception {
        Path file = tmp.resolve("token-secrets.json");
        try (TokenSession session = SoftHsm.port().openSession(SoftHsm.MTLS, SoftHsm.pin())) {
            session.generateSecretKey(KeyAlgorithm.AES_256, KEY, new byte[] {0x5e});
            assertThat(session.listKeys()).filteredOn(k -> k.label().equals(KEY) && k.keyClass() == KeyClass.SECRET_KEY)
                    .singleElement().satisfies(k -> assertThat(k.sensitive() && !k.extractable()).isTrue());
            TokenSecretStore store = TokenSecretStore.open(file, (TokenCipher) session, SoftHsm.MTLS, KEY);
            store.put("stripe-key", "sk_live_ON_THE_TOKEN_99".toCharArray());
        }
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain("ON_THE_TOKEN");
        try (TokenSession session = SoftHsm.port().openSession(SoftHsm.MTLS, SoftHsm.pin());
                Secret secret = TokenSecretStore.open(file, (TokenCipher) session, SoftHsm.MTLS, KEY).get("stripe-key")
                        .orElseThrow()) {
            assertThat(new String(secret.chars())).isEqualTo("sk_live_ON_THE_TOKEN_99");
        }
    }
}
