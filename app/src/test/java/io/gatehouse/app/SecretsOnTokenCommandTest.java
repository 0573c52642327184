package io.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.app.cli.ExitCode;
import io.gatehouse.app.testing.InProcessSoftHsm;
import io.gatehouse.app.wiring.ConsoleRuntime;
import io.gatehouse.app.wiring.ConsoleSignIn;
import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.views.session.SecretRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code secrets.store: token}, {@code gatehouse secrets set} seals the value under the store's key on the
 * token (making that key on first use) instead of a passphrase store the console would never read; the console
 * then finds it there.
 */
class SecretsOnTokenCommandTest {
    private static final String PLANTED = "ck_live_PLANTED_BY_CLI_77a0";

    @TempDir
    Path dir;

    private static Path conf;

    @BeforeAll
    static void tokens() throws Exception {
        conf = InProcessSoftHsm.prepare();
    }

    @Test
    void secretsSetWritesTheTokenStoreWhichTheConsoleReads() throws Exception {
        List<String> bearers = new CopyOnWriteArrayList<>();
        try (MockWebServer caseApi = new MockWebServer()) {
            caseApi.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    bearers.add(String.valueOf(request.getHeader("Authorization")));
                    return new MockResponse().setBody("{\"object\":\"list\",\"data\":[],\"has_more\":false}");
                }
            });
            caseApi.start();
            Path config = dir.resolve("config.yaml");
            Files.writeString(config, """
                    operator: dev
                    operators:
                      - {id: dev, name: Dev Lead, roles: [lead]}
                    secrets:
                      store: token
                      token: {module: %s, tokenLabel: %s, keyLabel: cli-store}
                    profile: shop
                    profiles:
                      shop:
                        caseApi: {url: "http://127.0.0.1:%d/v1", apiKeySecret: case-api-key}
                    review: {source: caseApi}
                    """.formatted(InProcessSoftHsm.MODULE, InProcessSoftHsm.CLI_SECRETS, caseApi.getPort()));

            ChildGatehouse.Run set = ChildGatehouse.runWithDescriptors(dir, config, conf,
                    List.of(InProcessSoftHsm.PIN, PLANTED), Map.of(), "--passphrase-fd", "3", "secrets", "set",
                    "case-api-key", "--value-fd", "4");
            assertThat(set.exit()).as(set.err()).isZero();
            Path store = dir.resolve("data").resolve(ConsoleSignIn.TOKEN_STORE_FILE);
            assertThat(store).isRegularFile();
            assertThat(dir.resolve("data/secrets.json")).as("no passphrase store on the side").doesNotExist();
            byte[] sealed = Files.readAllBytes(store);
            assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(PLANTED);

            ChildGatehouse.Run list = ChildGatehouse.run(dir, config, conf, InProcessSoftHsm.PIN, Map.of(),
                    "--passphrase-fd", "3", "secrets", "list");
            assertThat(list.exit()).as(list.err()).isZero();
            assertThat(list.out().strip()).isEqualTo("case-api-key");

            ChildGatehouse.Run wrong = ChildGatehouse.run(dir, config, conf, "0000", Map.of(), "--passphrase-fd", "3",
                    "secrets", "list");
            assertThat(wrong.exit()).isEqualTo(ExitCode.PERMISSION);
            assertThat(wrong.err()).contains("The PIN for token '" + InProcessSoftHsm.CLI_SECRETS + "' is wrong")
                    .doesNotContain("0000");
            assertThat(Files.readAllBytes(store)).as("a wrong PIN leaves the store as it was").isEqualTo(sealed);
            for (ChildGatehouse.Run run : List.of(set, list, wrong)) {
                assertThat(run.out() + run.err()).doesNotContain(PLANTED).doesNotContain(InProcessSoftHsm.PIN);
            }

            ConsoleSignIn.Asker pin = new ConsoleSignIn.Asker() {
                @Override
                public <T> Optional<T> askUntilAccepted(SecretRequest request, Function<char[], T> attempt) {
                    return Optional.ofNullable(attempt.apply(InProcessSoftHsm.PIN.toCharArray()));
                }
            };
            try (ConsoleRuntime runtime = ConsoleRuntime.open(new AppDirectories(config, dir.resolve("data")),
                    InstantSource.system(), pin)) {
                runtime.shellContext().reviewDesk().list(CaseFilter.all(), null);
            }
            assertThat(bearers).contains("Bearer " + PLANTED);
        }
    }
}
