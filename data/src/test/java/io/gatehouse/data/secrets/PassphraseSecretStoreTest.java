package io.gatehouse.data.secrets;

import static io.gatehouse.data.secrets.TestKdf.FAST_FOR_TESTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.secrets.SecretStoreException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PassphraseSecretStoreTest {

    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String PLANTED = "planted-Secret-7f3a9c";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void setUp() {
        file = dir.resolve("secrets.json");
    }

    private PassphraseSecretStore newStore() {
        return PassphraseSecretStore.create(file, PASSPHRASE.toCharArray(), FAST_FOR_TESTS);
    }

    private static String read(SecretStore store, String name) {
        try (Secret secret = store.get(name).orElseThrow()) {
            return new String(secret.chars());
        }
    }

    private void rewriteJson(UnaryOperator<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        Files.write(file, JSON.writeValueAsBytes(change.apply(root)));
    }

    private SecretStoreException openFails(String passphrase) {
        return catchThrowableOfType(SecretStoreException.class,
                () -> PassphraseSecretStore.open(file, passphrase.toCharArray()));
    }

    @Test
    void valuesSurviveReopening() {
        try (PassphraseSecretStore store = newStore()) {
            store.put("stripe.api-key", "sk_test_123".toCharArray());
            store.put("case_api.token", "ünïcødé ✓ 🔑".toCharArray());
            store.put("empty", new char[0]);
        }

        try (PassphraseSecretStore store = PassphraseSecretStore.open(file, PASSPHRASE.toCharArray())) {
            assertThat(store.names()).containsExactly("case_api.token", "empty", "stripe.api-key");
            assertThat(read(store, "stripe.api-key")).isEqualTo("sk_test_123");
            assertThat(read(store, "case_api.token")).isEqualTo("ünïcødé ✓ 🔑");
            assertThat(read(store, "empty")).isEmpty();
            assertThat(store.get("absent")).isEmpty();
            assertThat(store.kdfParameters()).isEqualTo(FAST_FOR_TESTS);
        }
    }

    @Test
    void putKeepsItsOwnCopyOfTheValue() {
        try (PassphraseSecretStore store = newStore()) {
            char[] value = "abc".toCharArray();
            store.put("k", value);
            Arrays.fill(value, '\0');
            assertThat(read(store, "k")).isEqualTo("abc");
        }
    }

    @Test
    void overwriteAndDeleteArePersisted() {
        try (PassphraseSecretStore store = newStore()) {
            store.put("a", "1".toCharArray());
            store.put("b", "2".toCharArray());
            store.put("a", "3".toCharArray());
            assertThat(store.delete("b")).isTrue();
            assertThat(store.delete("b")).isFalse();
        }
        try (PassphraseSecretStore store = PassphraseSecretStore.open(file, PASSPHRASE.toCharArray())) {
            assertThat(store.names()).containsExactly("a");
            assertThat(read(store, "a")).isEqualTo("3");
            assertThatThrownBy(() -> store.names().add("x")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void everyWriteUsesAFreshNonce() throws IOException {
        try (PassphraseSecretStore store = newStore()) {
            store.put("a", "same".toCharArray());
            String first = JSON.readTree(file.toFile()).at("/entries/a/nonce").textValue();
            store.put("a", "same".toCharArray());
            String second = JSON.readTree(file.toFile()).at("/entries/a/nonce").textValue();
            store.put("b", "same".toCharArray());
            String third = JSON.readTree(file.toFile()).at("/entries/b/nonce").textValue();
            assertThat(first).isNotEqualTo(second).isNotEqualTo(third);
            assertThat(second).isNotEqualTo(third);
        }
    }

    @Test
    void wrongPassphraseIsRefusedAndTheFileIsUntouched() throws IOException {
        try (PassphraseSecretStore store = newStore()) {
            store.put("a", PLANTED.toCharArray());
        }
        byte[] before = Files.readAllBytes(file);

        SecretStoreException e = openFails("wrong passphrase 42");

        assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSPHRASE);
        assertThat(e.kind()).isEqualTo(FailureKind.PERMISSION);
        assertThat(e.getMessage()).doesNotContain("wrong passphrase 42", PASSPHRASE, PLANTED);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    static Stream<Arguments> damagedFiles() {
        return Stream.of(
                Arguments.of("not JSON", (UnaryOperator<byte[]>) b -> "this is not json".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("empty", (UnaryOperator<byte[]>) b -> new byte[0]),
                Arguments.of("truncated", (UnaryOperator<byte[]>) b -> Arrays.copyOf(b, b.length / 2)),
                Arguments.of("trailing garbage", (UnaryOperator<byte[]>) b -> concat(b, "{}".getBytes(StandardCharsets.UTF_8))),
                Arguments.of("a JSON array", (UnaryOperator<byte[]>) b -> "[1,2]".getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedFiles")
    void damagedFileIsCorruptAndUntouched(String label, UnaryOperator<byte[]> damage) throws IOException {
        try (PassphraseSecretStore store = newStore()) {
            store.put("a", PLANTED.toCharArray());
        }
        Files.write(file, damage.apply(Files.readAllBytes(file)));
        byte[] before = Files.readAllBytes(file);

        SecretStoreException e = openFails(PASSPHRASE);

        assertThat(e.reason()).isEqualTo(Reason.CORRUPT);
        assertThat(e.kind()).isEqualTo(FailureKind.LOCAL_STORE);
        assertThat(e.getMessage()).contains("restore it from a backup").doesNotContain(PASSPHRASE, PLANTED);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    static Stream<Arguments> alteredFields() {
        return Stream.of(
                Arguments.of("unknown version", (UnaryOperator<ObjectNode>) r -> r.put("version", 2)),
                Arguments.of("version as text", (UnaryOperator<ObjectNode>) r -> r.put("version", "1")),
                Arguments.of("other format", (UnaryOperator<ObjectNode>) r -> r.put("format", "something-else")),
                Arguments.of("other kdf", (UnaryOperator<ObjectNode>) r -> { ((ObjectNode) r.get("kdf")).put("algorithm", "scrypt"); return r; }),
                Arguments.of("memory out of range", (UnaryOperator<ObjectNode>) r -> { ((ObjectNode) r.get("kdf")).put("memoryKiB", Integer.MAX_VALUE); return r; }),
                Arguments.of("bad base64", (UnaryOperator<ObjectNode>) r -> r.put("verifier", "%%%")),
                Arguments.of("short nonce", (UnaryOperator<ObjectNode>) r -> { ((ObjectNode) r.at("/entries/a")).put("nonce", "AAAA"); return r; }),
                Arguments.of("invalid entry name", (UnaryOperator<ObjectNode>) r -> { ((ObjectNode) r.get("entries")).set("Bad Name", r.at("/entries/a")); return r; }),
                Arguments.of("missing mac", (UnaryOperator<ObjectNode>) r -> { r.remove("mac"); return r; }),
                Arguments.of("entry removed", (UnaryOperator<ObjectNode>) r -> { ((ObjectNode) r.get("entries")).remove("b"); return r; }),
                Arguments.of("ciphertext altered", (UnaryOperator<ObjectNode>) r -> {
                    String ct = r.at("/entries/a/ciphertext").textValue();
                    char flipped = ct.charAt(0) == 'A' ? 'B' : 'A';
                    ((ObjectNode) r.at("/entries/a")).put("ciphertext", flipped + ct.substring(1));
                    return r;
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alteredFields")
    void alteredFileIsCorruptAndUntouched(String label, UnaryOperator<ObjectNode> change) throws IOException {
        try (PassphraseSecretStore store = newStore()) {
            store.put("a", PLANTED.toCharArray());
            store.put("b", "other".toCharArray());
        }
        rewriteJson(change);
        byte[] before = Files.readAllBytes(file);

        SecretStoreException e = openFails(PASSPHRASE);

        assertThat(e.reason()).isEqualTo(Reason.CORRUPT);
        assertThat(e.getMessage()).doesNotContain(PASSPHRASE, PLANTED);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void loweredKdfParametersDoNotOpenTheStore() throws IOException {
        try (PassphraseSecretStore store = newStore()) {
            store.put("a", PLANTED.toCharArray());
        }
        rewriteJson(r -> { ((ObjectNode) r.get("kdf")).put("iterations", 2); return r; });
        byte[] before = Files.readAllBytes(file);

        // Changed parameters derive different keys; that is indistinguishable from a wrong passphrase.
        assertThat(openFails(PASSPHRASE).reason()).isEqualTo(Reason.WRONG_PASSPHRASE);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void unknownVersionSaysSo() throws IOException {
        try (PassphraseSecretStore store = newStore()) {
            store.put("a", "x".toCharArray());
        }
        rewriteJson(r -> r.put("version", 7));

        assertThat(openFails(PASSPHRASE).getMessage()).contains("format version 7");
    }

    @Test
    void entriesSwappedBetweenNamesAreDetected() throws IOException {
        try (PassphraseSecretStore store = newStore()) {
            store.put("a", "value-of-a".toCharArray());
            store.put("b", "value-of-b".toCharArray());
        }
        rewriteJson(r -> {
            ObjectNode entries = (ObjectNode) r.get("entries");
            var a = entries.get("a");
            entries.set("a", entries.get("b"));
            entries.set("b", a);
            return r;
        });

        assertThat(openFails(PASSPHRASE).reason()).isEqualTo(Reason.CORRUPT);
    }

    @Test
    void plantedSecretNeverReachesTheFileOrAnyMessage() throws IOException {
        PassphraseSecretStore store = newStore();
        store.put("planted", PLANTED.toCharArray());
        store.put("other", "x".toCharArray());
        byte[] bytes = Files.readAllBytes(file);
        String latin1View = new String(bytes, StandardCharsets.ISO_8859_1);
        for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
            assertThat(latin1View).doesNotContain(new String(PLANTED.getBytes(charset), StandardCharsets.ISO_8859_1));
            assertThat(latin1View).doesNotContain(new String(PASSPHRASE.getBytes(charset), StandardCharsets.ISO_8859_1));
        }
        assertThat(store.toString()).doesNotContain(PLANTED, PASSPHRASE);
        try (Secret secret = store.get("planted").orElseThrow()) {
            assertThat(secret.toString()).doesNotContain(PLANTED);
        }
        store.close();

        List<Throwable> failures = new ArrayList<>();
        failures.add(openFails("not the passphrase"));
        rewriteJson(r -> { ((ObjectNode) r.get("entries")).remove("other"); return r; });
        failures.add(openFails(PASSPHRASE));
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(PLANTED, PASSPHRASE);
                assertThat(t.toString()).doesNotContain(PLANTED, PASSPHRASE);
            }
        }
    }

    @Test
    void fileIsReadableByTheOwnerOnly() throws IOException {
        Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class));
        try (PassphraseSecretStore store = newStore()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            store.put("a", "x".toCharArray());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        try (Stream<Path> leftovers = Files.list(dir)) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void changePassphraseReEncryptsEverything() throws IOException {
        try (PassphraseSecretStore store = newStore()) {
            store.put("a", "value-a".toCharArray());
            store.put("b", "value-b".toCharArray());
            String oldSalt = JSON.readTree(file.toFile()).at("/kdf/salt").textValue();
            String oldNonce = JSON.readTree(file.toFile()).at("/entries/a/nonce").textValue();

            store.changePassphrase(PASSPHRASE.toCharArray(), "new passphrase".toCharArray());

            assertThat(JSON.readTree(file.toFile()).at("/kdf/salt").textValue()).isNotEqualTo(oldSalt);
            assertThat(JSON.readTree(file.toFile()).at("/entries/a/nonce").textValue()).isNotEqualTo(oldNonce);
            assertThat(store.verifyPassphrase("new passphrase".toCharArray())).isTrue();
            assertThat(store.verifyPassphrase(PASSPHRASE.toCharArray())).isFalse();
            assertThat(read(store, "a")).isEqualTo("value-a");
        }

        assertThat(openFails(PASSPHRASE).reason()).isEqualTo(Reason.WRONG_PASSPHRASE);
        try (PassphraseSecretStore store = PassphraseSecretStore.open(file, "new passphrase".toCharArray())) {
            assertThat(read(store, "a")).isEqualTo("value-a");
            assertThat(read(store, "b")).isEqualTo("value-b");
        }
    }

    @Test
    void changePassphraseWithWrongOldPassphraseChangesNothing() throws IOException {
        try (PassphraseSecretStore store = newStore()) {
            store.put("a", "value-a".toCharArray());
            byte[] before = Files.readAllBytes(file);

            SecretStoreException e = catchThrowableOfType(SecretStoreException.class,
                    () -> store.changePassphrase("guess".toCharArray(), "new passphrase".toCharArray()));

            assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSPHRASE);
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
            assertThat(store.verifyPassphrase(PASSPHRASE.toCharArray())).isTrue();
        }
    }

    @Test
    void changePassphraseCanRaiseTheKdfParameters() {
        KdfParameters stronger = new KdfParameters(2048, 2, 1, 32);
        try (PassphraseSecretStore store = newStore()) {
            store.put("a", "value-a".toCharArray());
            store.changePassphrase(PASSPHRASE.toCharArray(), PASSPHRASE.toCharArray(), stronger);
        }
        try (PassphraseSecretStore store = PassphraseSecretStore.open(file, PASSPHRASE.toCharArray())) {
            assertThat(store.kdfParameters()).isEqualTo(stronger);
            assertThat(read(store, "a")).isEqualTo("value-a");
        }
    }

    @Test
    void verifyPassphraseAnswersTrueOnlyForTheRightOne() {
        try (PassphraseSecretStore store = newStore()) {
            assertThat(store.verifyPassphrase(PASSPHRASE.toCharArray())).isTrue();
            assertThat(store.verifyPassphrase("Correct horse battery staple".toCharArray())).isFalse();
            assertThat(store.verifyPassphrase(new char[0])).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A", "Upper", "-leading", ".leading", "_leading", "has space", "slash/name",
            "ünï", "name\n", "a2345678901234567890123456789012345678901234567890123456789012345"})
    void invalidNamesAreRejected(String name) {
        try (PassphraseSecretStore store = newStore()) {
            assertThatThrownBy(() -> store.put(name, "x".toCharArray())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.get(name)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.delete(name)).isInstanceOf(IllegalArgumentException.class);
            assertThat(store.names()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "0", "a.b_c-d", "9lives", "a234567890123456789012345678901234567890123456789012345678901234"})
    void validNamesAreAccepted(String name) {
        try (PassphraseSecretStore store = newStore()) {
            store.put(name, "x".toCharArray());
            assertThat(store.names()).containsExactly(name);
        }
    }

    @Test
    void createRefusesAnExistingFile() throws IOException {
        Files.writeString(file, "precious");
        assertThat(PassphraseSecretStore.exists(file)).isTrue();

        SecretStoreException e = catchThrowableOfType(SecretStoreException.class, this::newStore);

        assertThat(e.reason()).isEqualTo(Reason.IO);
        assertThat(Files.readString(file)).isEqualTo("precious");
    }

    @Test
    void openingAMissingFileIsAnIoFailure() {
        assertThat(PassphraseSecretStore.exists(file)).isFalse();
        SecretStoreException e = openFails(PASSPHRASE);
        assertThat(e.reason()).isEqualTo(Reason.IO);
        assertThat(e.kind()).isEqualTo(FailureKind.LOCAL_STORE);
    }

    @Test
    void emptyPassphraseIsRefused() {
        assertThatThrownBy(() -> PassphraseSecretStore.create(file, new char[0], FAST_FOR_TESTS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(file).doesNotExist();
    }

    @Test
    void closedStoreRefusesUse() {
        PassphraseSecretStore store = newStore();
        store.close();
        assertThatThrownBy(() -> store.get("a")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.put("a", "x".toCharArray())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.verifyPassphrase(PASSPHRASE.toCharArray())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        try (PassphraseSecretStore store = newStore()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 5; i++) {
                            store.put("t" + thread + "-" + i, ("v" + thread + i).toCharArray());
                        }
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            } finally {
                pool.shutdown();
            }
            assertThat(store.names()).hasSize(20);
        }
        try (PassphraseSecretStore store = PassphraseSecretStore.open(file, PASSPHRASE.toCharArray())) {
            assertThat(store.names()).hasSize(20);
            assertThat(read(store, "t3-4")).isEqualTo("v34");
        }
    }
}
