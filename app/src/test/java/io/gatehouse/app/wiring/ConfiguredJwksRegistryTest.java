package io.gatehouse.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.connectors.sandbox.SandboxOptions;
import io.gatehouse.connectors.sandbox.SandboxServer;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.config.ConnectionProfile;
import io.gatehouse.data.secrets.KdfParameters;
import io.gatehouse.data.secrets.PassphraseSecretStore;
import io.gatehouse.data.secrets.SecretStore;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile's JWKS registry: publishes over HTTP with the admin token from the secret store, read back as served. */
class ConfiguredJwksRegistryTest {
    @TempDir
    Path tmp;

    @Test
    void publishesWithTheStoredTokenAndSaysWhatToDoWhileTheStoreIsLocked() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        PublicKey first = generator.generateKeyPair().getPublic();
        PublicKey second = generator.generateKeyPair().getPublic();
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults(4, Instant.parse("2026-03-02T00:00:00Z")));
                PassphraseSecretStore store = PassphraseSecretStore.create(tmp.resolve("secrets.json"),
                        "test passphrase".toCharArray(), KdfParameters.DEFAULT)) {
            AtomicReference<Optional<SecretStore>> unlocked = new AtomicReference<>(Optional.empty());
            URI url = URI.create(sandbox.baseUrl().toString().replaceAll("/+$", ""));
            ConfiguredJwksRegistry registry = new ConfiguredJwksRegistry(new ConnectionProfile.Jwks(url, "jwks-admin"),
                    unlocked::get, InstantSource.system());

            assertThatThrownBy(() -> registry.publish(List.of(first))).isInstanceOf(GatehouseException.class)
                    .hasMessageContaining("secret 'jwks-admin'").hasMessageContaining("Unlock the store")
                    .satisfies(e -> assertThat(((GatehouseException) e).kind()).isEqualTo(FailureKind.PERMISSION));

            unlocked.set(Optional.of(store));
            store.put("jwks-admin", "not the admin token".toCharArray());
            assertThatThrownBy(() -> registry.publish(List.of(first))).isInstanceOf(GatehouseException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not the admin token"));

            store.put("jwks-admin", sandbox.adminToken().toCharArray());
            registry.publish(List.of(first, second));
            assertThat(registry.servedKeyIds()).containsExactlyInAnyOrder(registry.keyId(first), registry.keyId(second));
            registry.publish(List.of(second));
            assertThat(registry.servedKeyIds()).containsExactly(registry.keyId(second));
            assertThat(registry.base().toString()).endsWith("/");
        }
    }
}
