package io.gatehouse.data.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.data.files.SafeFileWriter;
import io.gatehouse.data.testing.FailingChannel;
import io.gatehouse.data.testing.SoftwareCipher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenSecretStoreTest {
    private static final String PLANTED = "sk_live_PLANTED_token_store_4711";

    @TempDir
    Path tmp;

    private final SoftwareCipher token = new SoftwareCipher().withKey("secrets-aes").withKey("other-aes");

    private Path file() {
        return tmp.resolve("token-secrets.json");
    }

    private TokenSecretStore open() {
        return TokenSecretStore.open(file(), token, "gatehouse", "secrets-aes");
    }

    private String secret(SecretStore store, String name) {
        try (Secret s = store.get(name).orElseThrow()) {
            return new String(s.chars());
        }
    }

    @Test
    void valuesRoundTripAcrossReopeningAndTheFileHoldsNoPlaintext() throws Exception {
        TokenSecretStore store = open();
        store.put("stripe-key", PLANTED.toCharArray());
        store.put("case-api-key", "ünïcødé value".toCharArray());
        assertThat(store.delete("case-api-key")).isTrue();
        store.put("case-api-key", "second".toCharArray());

        TokenSecretStore reopened = open();
        assertThat(reopened.names()).containsExactly("case-api-key", "stripe-key");
        assertThat(secret(reopened, "stripe-key")).isEqualTo(PLANTED);
        assertThat(secret(reopened, "case-api-key")).isEqualTo("second");
        assertThat(new String(Files.readAllBytes(file()), StandardCharsets.ISO_8859_1)).doesNotContain("PLANTED");
        assertThat(reopened.toString()).doesNotContain("PLANTED");
    }

    @Test
    void aValueMovedToAnotherNameDoesNotDecrypt() throws Exception {
        TokenSecretStore store = open();
        store.put("a", "alpha".toCharArray());
        store.put("b", "beta".toCharArray());
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(file().toFile());
        ObjectNode entries = (ObjectNode) root.get("entries");
        var a = entries.get("a");
        entries.set("a", entries.get("b"));
        entries.set("b", a);
        Files.write(file(), new ObjectMapper().writeValueAsBytes(root));
        // the manifest catches the swap when the store opens
        assertThatThrownBy(this::open).isInstanceOfSatisfying(SecretStoreException.class,
                e -> assertThat(e.reason()).isEqualTo(SecretStoreException.Reason.CORRUPT))
                .hasMessageContaining("do not match its manifest");
    }

    @Test
    void aRemovedEntryIsCaughtAndTheFileIsKept() throws Exception {
        TokenSecretStore store = open();
        store.put("a", "alpha".toCharArray());
        store.put("b", "beta".toCharArray());
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(file().toFile());
        ((ObjectNode) root.get("entries")).remove("b");
        byte[] tampered = new ObjectMapper().writeValueAsBytes(root);
        Files.write(file(), tampered);
        assertThatThrownBy(this::open).hasMessageContaining("an entry was removed, added or replaced")
                .hasMessageContaining("The file was kept");
        assertThat(Files.readAllBytes(file())).isEqualTo(tampered);
    }

    @Test
    void anotherKeyOrTokenIsNamedAndGarbageIsRefused() throws Exception {
        open().put("a", "alpha".toCharArray());
        assertThatThrownBy(() -> TokenSecretStore.open(file(), token, "gatehouse", "other-aes"))
                .hasMessageContaining("encrypted with key 'secrets-aes' on token 'gatehouse'");
        Files.writeString(file(), "{not json");
        assertThatThrownBy(this::open).isInstanceOfSatisfying(SecretStoreException.class,
                e -> assertThat(e.reason()).isEqualTo(SecretStoreException.Reason.CORRUPT));
    }

    @Test
    void aFullDiskLeavesFileAndMemoryAsTheyWere() throws Exception {
        open().put("a", "alpha".toCharArray());
        byte[] before = Files.readAllBytes(file());
        TokenSecretStore failing = TokenSecretStore.open(file(), token, "gatehouse", "secrets-aes",
                new SafeFileWriter(FailingChannel.opener(FailingChannel.Fault.DISK_FULL, 0)));
        assertThatThrownBy(() -> failing.put("b", "beta".toCharArray())).isInstanceOfSatisfying(SecretStoreException.class,
                e -> assertThat(e.reason()).isEqualTo(SecretStoreException.Reason.IO));
        assertThatThrownBy(() -> failing.delete("a")).isInstanceOf(SecretStoreException.class);
        assertThat(failing.names()).containsExactly("a");
        assertThat(secret(failing, "a")).isEqualTo("alpha");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
    }

    @Test
    void passphraseSecretsMigrateWithoutPlaintextOnDisk() throws Exception {
        Path passphraseFile = tmp.resolve("secrets.json");
        try (PassphraseSecretStore old = PassphraseSecretStore.create(passphraseFile, "pass phrase".toCharArray(),
                KdfParameters.DEFAULT)) {
            old.put("stripe-key", PLANTED.toCharArray());
            old.put("prometheus-token", "bearer-abc".toCharArray());
            TokenSecretStore store = open();
            assertThat(SecretMigration.copyAll(old, store)).isEqualTo(2);
            assertThat(secret(open(), "stripe-key")).isEqualTo(PLANTED);
            assertThat(secret(open(), "prometheus-token")).isEqualTo("bearer-abc");
            assertThat(old.names()).as("the source stays until the caller removes it").hasSize(2);
        }
        try (var files = Files.list(tmp)) {
            for (Path f : files.toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain("PLANTED").doesNotContain("bearer-abc");
            }
        }
    }
}
