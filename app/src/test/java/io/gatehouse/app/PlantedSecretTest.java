package io.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.data.config.ConfigException;
import io.gatehouse.data.config.ConfigLoader;
import io.gatehouse.data.secrets.SecretStore;
import io.gatehouse.data.secrets.SecretStoreException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plants a secret, exercises everything that touches it (storing, auditing, failed unlocks,
 * failed proofs, a configuration that wrongly contains it), then searches every file the console
 * wrote and every message it produced.
 */
class PlantedSecretTest {
    private static final String PLANTED = "sk_live_PLANTED_9f8e7d6c5b4a";

    @TempDir
    Path tmp;

    @Test
    void thePlantedSecretAppearsNowhere() throws Exception {
        Path config = tmp.resolve("config/config.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, """
                operator: alice
                operators:
                  - {id: alice, name: Alice, roles: [lead]}
                profile: staging
                profiles:
                  staging:
                    sandbox: {seed: 3}
                    caseApi: {url: "http://127.0.0.1:9/v1", apiKeySecret: case-api-key}
                """);
        AppDirectories dirs = new AppDirectories(config, tmp.resolve("data"));
        List<String> messages = new ArrayList<>();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            try (Composition composition = Composition.open(dirs, InstantSource.system())) {
                SecretStore secrets = composition.secrets().unlock("the passphrase".toCharArray());
                secrets.put("case-api-key", PLANTED.toCharArray());
                composition.auditLog().append("connection.secret.stored", "secret/case-api-key", Map.of("connection", "caseApi"));
                try (var secret = secrets.get("case-api-key").orElseThrow()) {
                    assertThat(new String(secret.chars())).isEqualTo(PLANTED);
                    messages.add(secret.toString());
                }
                try {
                    composition.session().proveWithPassphrase(PLANTED.toCharArray());
                } catch (RuntimeException e) {
                    messages.add(describe(e));
                }
            }
            try (Composition again = Composition.open(dirs, InstantSource.system())) {
                // a passphrase mistyped as the secret: refused, and the message must not echo it
                assertThatThrownBy(() -> again.secrets().unlock(PLANTED.toCharArray()))
                        .isInstanceOfSatisfying(SecretStoreException.class, e -> messages.add(describe(e)));
            }
            Path leaky = tmp.resolve("leaky.yaml");
            Files.writeString(leaky, Files.readString(config).replace("apiKeySecret: case-api-key", "apiKey: " + PLANTED));
            assertThatThrownBy(() -> new ConfigLoader().load(leaky))
                    .isInstanceOfSatisfying(ConfigException.class, e -> messages.add(describe(e)));
            Files.writeString(leaky, Files.readString(config).replace("seed: 3", "seed: " + PLANTED));
            assertThatThrownBy(() -> new ConfigLoader().load(leaky))
                    .isInstanceOfSatisfying(ConfigException.class, e -> messages.add(describe(e)));
        } finally {
            System.setErr(originalErr);
        }
        messages.add(stderr.toString(StandardCharsets.UTF_8));

        assertThat(messages).noneMatch(m -> m.contains(PLANTED));
        List<Path> files;
        try (Stream<Path> walk = Stream.concat(Files.walk(tmp.resolve("data")), Files.walk(config.getParent()))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anyMatch(f -> f.getFileName().toString().endsWith(".mv.db"))
                .anyMatch(f -> f.getFileName().toString().equals("secrets.json"))
                .anyMatch(f -> f.getFileName().toString().endsWith(".log"));
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
                assertThat(indexOf(bytes, PLANTED.getBytes(charset))).as(file + " in " + charset).isEqualTo(-1);
            }
        }
    }

    private static String describe(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
