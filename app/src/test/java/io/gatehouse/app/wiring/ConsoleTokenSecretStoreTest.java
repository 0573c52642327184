package io.gatehouse.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.app.testing.InProcessSoftHsm;
import io.gatehouse.connectors.pkcs11.Pkcs11Modules;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.secrets.TokenSecretStore;
import io.gatehouse.views.session.SecretRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code secrets.store: token} through the console's real start on a fresh SoftHSM2 token: the PIN prompt opens
 * the store, the Case API key is read from it on the token at each request, a wrong PIN is one sentence and
 * changes nothing, and the key is found in no log line and no file the console wrote.
 */
class ConsoleTokenSecretStoreTest {
    private static final Path MODULE = InProcessSoftHsm.MODULE;
    private static final String TOKEN = InProcessSoftHsm.CONSOLE_SECRETS;
    private static final String KEY = "secret-store";
    private static final String PIN = InProcessSoftHsm.PIN;
    private static final String PLANTED = "ck_live_PLANTED_ON_TOKEN_3e1f";

    @TempDir
    Path tmp;

    private MockWebServer caseApi;
    private final List<String> bearers = new CopyOnWriteArrayList<>();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler logs = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(" | ").append(t);
            }
            logged.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;

    /** Answers from a script: each string is typed in turn, null cancels; every request and refusal is kept. */
    private static final class ScriptedAsker implements ConsoleSignIn.Asker {
        final Deque<String> answers = new ArrayDeque<>();
        final List<SecretRequest> asked = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        ScriptedAsker(String... typed) {
            for (String t : typed) {
                answers.add(t == null ? "\0cancel" : t);
            }
        }

        @Override
        public <T> Optional<T> askUntilAccepted(SecretRequest request, Function<char[], T> attempt) {
            asked.add(request);
            while (!answers.isEmpty()) {
                String next = answers.poll();
                if (next.equals("\0cancel")) {
                    return Optional.empty();
                }
                try {
                    return Optional.ofNullable(attempt.apply(next.toCharArray()));
                } catch (GatehouseException e) {
                    problems.add(e.getMessage());
                }
            }
            return Optional.empty();
        }
    }

    @BeforeAll
    static void token() throws Exception {
        InProcessSoftHsm.prepare();
    }

    @BeforeEach
    void start() throws Exception {
        caseApi = new MockWebServer();
        caseApi.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String authorization = request.getHeader("Authorization");
                bearers.add(authorization == null ? "none" : authorization);
                return authorization == null
                        ? new MockResponse().setResponseCode(401).setBody("{\"error\":{\"message\":\"no key\"}}")
                        : new MockResponse().setBody("{\"object\":\"list\",\"data\":[],\"has_more\":false}");
            }
        });
        caseApi.start();
        Logger.getLogger("").addHandler(logs);
        Logger.getLogger("").setLevel(Level.ALL);
        originalErr = System.err;
        System.setErr(new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                stderr.write(b);
                originalErr.write(b);
            }
        }, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() throws Exception {
        System.setErr(originalErr);
        Logger.getLogger("").removeHandler(logs);
        Logger.getLogger("").setLevel(Level.INFO);
        caseApi.close();
    }

    private AppDirectories directories() throws Exception {
        Path config = tmp.resolve("config/config.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, """
                operator: dev
                operators:
                  - {id: dev, name: Dev Lead, roles: [lead]}
                secrets:
                  store: token
                  token: {module: %s, tokenLabel: %s, keyLabel: %s}
                profile: shop
                profiles:
                  shop:
                    caseApi: {url: "http://127.0.0.1:%d/v1", apiKeySecret: case-api-key}
                review: {source: caseApi}
                """.formatted(MODULE, TOKEN, KEY, caseApi.getPort()));
        return new AppDirectories(config, tmp.resolve("data"));
    }

    /** What an operator does once: an AES key made on the token, and the Case API key sealed under it. */
    private Path plantKeyOnToken(AppDirectories dirs) {
        try (Composition composition = Composition.open(dirs, InstantSource.system())) {
            Path file = composition.directories().dataDirectory().resolve(ConsoleSignIn.TOKEN_STORE_FILE);
            try (TokenSession session = Pkcs11Modules.open(MODULE).openSession(TOKEN, t -> PIN.toCharArray())) {
                if (session.listKeys().stream().noneMatch(k -> k.label().equals(KEY))) {
                    session.generateSecretKey(KeyAlgorithm.AES_256, KEY, new byte[] {0x5e, 0x01});
                }
                TokenSecretStore.open(file, (io.gatehouse.data.keys.token.TokenCipher) session, TOKEN, KEY)
                        .put("case-api-key", PLANTED.toCharArray());
            }
            return file;
        }
    }

    @Test
    void thePinPromptOpensTheTokenStoreAndTheCaseApiKeyReachesTheServerAsTheBearer() throws Exception {
        AppDirectories dirs = directories();
        Path storeFile = plantKeyOnToken(dirs);
        String sealed = sha256(storeFile);
        ScriptedAsker asker = new ScriptedAsker("0000", PIN);
        try (ConsoleRuntime runtime = ConsoleRuntime.open(dirs, InstantSource.system(), asker)) {
            assertThat(asker.asked).singleElement().satisfies(request -> {
                assertThat(request.purpose()).isEqualTo(SecretRequest.Purpose.SECRET_STORE);
                assertThat(request.kind()).isEqualTo(SecretRequest.SecretKind.PIN);
                assertThat(request.detail()).isEqualTo(TOKEN);
            });
            assertThat(asker.problems).singleElement().asString()
                    .isEqualTo("The PIN for token '" + TOKEN + "' is wrong. Check it and try again; a few more wrong"
                            + " PINs will lock the token.");
            assertThat(runtime.composition().secrets().current()).as("the token store is open").isPresent();

            runtime.shellContext().reviewDesk().list(CaseFilter.all(), null);
            assertThat(bearers).contains("Bearer " + PLANTED).doesNotContain("none");

            var entry = runtime.shellContext().connections().port().entries().stream()
                    .filter(e -> e.name().equals("caseApi")).findFirst().orElseThrow();
            assertThat(runtime.shellContext().connections().port().test(entry).outcome().name()).isEqualTo("OK");
        }
        assertThat(sha256(storeFile)).as("reading changes nothing in the store").isEqualTo(sealed);
        assertPlantedNowhere();
    }

    @Test
    void aWrongPinThenGoingOnWithoutSecretsLeavesTheStoreFileAsItWasAndTheCaseApiLocked() throws Exception {
        AppDirectories dirs = directories();
        Path storeFile = plantKeyOnToken(dirs);
        String sealed = sha256(storeFile);
        ScriptedAsker asker = new ScriptedAsker("1111", null);
        try (ConsoleRuntime runtime = ConsoleRuntime.open(dirs, InstantSource.system(), asker)) {
            assertThat(asker.problems).singleElement().asString().contains("The PIN for token '" + TOKEN + "' is wrong")
                    .doesNotContain("1111");
            assertThat(runtime.composition().secrets().current()).as("the store stays locked").isEmpty();
            runtime.health().checkNow();
            assertThat(runtime.health().current()).filteredOn(h -> h.connection().equals("Fraud queue"))
                    .singleElement().satisfies(h -> assertThat(h.detail()).startsWith("Locked:"));
            assertThat(bearers).doesNotContain("Bearer " + PLANTED);
        }
        assertThat(sha256(storeFile)).as("a wrong PIN never touches the file").isEqualTo(sealed);
        assertPlantedNowhere();
    }

    private void assertPlantedNowhere() throws Exception {
        assertThat(logged).as("log records").noneMatch(line -> line.contains(PLANTED));
        assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain(PLANTED);
        List<Path> files;
        try (var walk = Files.walk(tmp)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("the store, the H2 file and the configuration").anyMatch(f -> f.toString().endsWith(".mv.db"));
        for (Path file : files) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(bytes).as(file.toString()).doesNotContain(PLANTED);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
