package io.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.app.cli.ExitCode;
import io.gatehouse.connectors.sandbox.SandboxOptions;
import io.gatehouse.connectors.sandbox.SandboxServer;
import io.gatehouse.data.keys.SpkiKeys;
import io.gatehouse.data.secrets.KdfParameters;
import io.gatehouse.data.secrets.PassphraseSecretStore;
import io.gatehouse.data.testing.TestCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatehouse keys destroy-due --destroy} end to end: two custodians, kim and lou, each with a SoftHSM2
 * token as their smartcard, enrolled by a lead; the ring's keys on a third token; the sandbox as the JWKS
 * registry. Both cards prove presence in the one run, and only then is the due key destroyed on the token.
 */
class KeysDestroyDueCommandTest {
    private static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";
    private static final String PIN = "2468";
    private static final String SIGNING_TOKEN = "shop-keys";
    private static final String KIM_CARD = "card-kim";
    private static final String LOU_CARD = "card-lou";
    private static final String CARD_KEY = "PIV AUTH key";
    private static final String PASSPHRASE = "installation passphrase for tests";

    @TempDir
    static Path dir;

    private static Path softhsmConf;
    private static Path kim;
    private static Path production;
    private static SandboxServer sandbox;

    @BeforeAll
    static void prepare() throws Exception {
        assertThat(Path.of(MODULE)).as("SoftHSM2 module (apt-get install softhsm2)").isRegularFile();
        Path tokens = Files.createDirectories(dir.resolve("tokens"));
        softhsmConf = dir.resolve("softhsm2.conf");
        Files.writeString(softhsmConf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        for (String label : List.of(SIGNING_TOKEN, KIM_CARD, LOU_CARD)) {
            tool("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", "13572468", "--pin", PIN);
        }
        String operators = """
                operators:
                  - id: kim
                    name: Kim Custodian
                    roles: [key-custodian]
                  - id: lou
                    name: Lou Custodian
                    roles: [key-custodian]
                  - id: lena
                    name: Lena Lead
                    roles: [lead]
                """;
        String sandboxProfile = "profile: sandbox\nprofiles:\n  sandbox:\n    sandbox:\n      seed: 1\n";
        kim = Files.writeString(dir.resolve("kim.yaml"), "operator: kim\n" + operators + sandboxProfile);
        Path lou = Files.writeString(dir.resolve("lou.yaml"), "operator: lou\n" + operators + sandboxProfile);
        Path lena = Files.writeString(dir.resolve("lena.yaml"), "operator: lena\n" + operators + sandboxProfile);
        production = Files.writeString(dir.resolve("production.yaml"), "operator: kim\n" + operators + """
                profile: shop
                profiles:
                  shop:
                    caseApi:
                      url: https://cases.example.com/
                      apiKeySecret: case-api-key
                    prometheus:
                      url: https://metrics.example.com/
                """);
        Files.createDirectories(dir.resolve("data"));
        PassphraseSecretStore.create(dir.resolve("data").resolve("secrets.json"), PASSPHRASE.toCharArray(),
                KdfParameters.DEFAULT).close();

        enrol(kim, KIM_CARD, "kim", "Kim Custodian", lena);
        enrol(lou, LOU_CARD, "lou", "Lou Custodian", lena);

        sandbox = SandboxServer.start(SandboxOptions.defaults(3, Instant.parse("2026-03-02T00:00:00Z")));
        List<String> seed = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                DueVersionSeeder.class.getName(), dir.resolve("data").toString(), kim.toString(), MODULE, SIGNING_TOKEN,
                PIN, sandbox.baseUrl().toString(), sandbox.adminToken()));
        run(seed);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static void enrol(Path config, String card, String id, String name, Path lead) throws Exception {
        tool("pkcs11-tool", "--module", MODULE, "--token-label", card, "--login", "--pin", PIN, "--keypairgen",
                "--key-type", "EC:prime256v1", "--label", CARD_KEY, "--id", "0a");
        Path spki = dir.resolve(id + ".spki.der");
        tool("pkcs11-tool", "--module", MODULE, "--token-label", card, "--read-object", "--type", "pubkey", "--label",
                CARD_KEY, "-o", spki.toString());
        Path certificate = Files.write(dir.resolve(id + ".der"), TestCertificates.issue(
                SpkiKeys.decode(Files.readAllBytes(spki)), name, Instant.now().minus(Duration.ofDays(60)),
                Instant.now().plus(Duration.ofDays(365))).getEncoded());
        ChildGatehouse.Run request = ChildGatehouse.run(dir, config, softhsmConf, null, Map.of(), "operators",
                "request-card", "--cert", certificate.toString(), "--key-label", CARD_KEY);
        assertThat(request.exit()).as(request.err()).isZero();
        ChildGatehouse.Run approve = ChildGatehouse.run(dir, lead, softhsmConf, PASSPHRASE, Map.of(), "--passphrase-fd",
                "3", "operators", "approve-card", id);
        assertThat(approve.exit()).as(approve.err()).isZero();
    }

    @Test
    void twoCustodiansCardsInOneRunDestroyTheDueKeyAndNothingLessDoes() throws Exception {
        ChildGatehouse.Run listed = gatehouse(kim, List.of(), "keys", "destroy-due");
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("1 version is due for destruction").contains("checkout-v1");

        ChildGatehouse.Run oneCustodian = gatehouse(kim, List.of(PIN, PIN), destroy("--custodian", "kim",
                "--card-token", KIM_CARD, "--card-pin-fd", "4"));
        assertThat(oneCustodian.exit()).as(oneCustodian.out() + oneCustodian.err()).isEqualTo(ExitCode.USAGE);
        assertThat(oneCustodian.err()).contains("two key custodians");

        ChildGatehouse.Run samePerson = gatehouse(kim, List.of(PIN, PIN, PIN), destroy("--custodian", "kim",
                "--card-token", KIM_CARD, "--card-pin-fd", "4", "--custodian", "kim", "--card-token", KIM_CARD,
                "--card-pin-fd", "5"));
        assertThat(samePerson.exit()).as(samePerson.out() + samePerson.err()).isEqualTo(ExitCode.PERMISSION);
        assertThat(samePerson.err()).contains("two different custodians");

        ChildGatehouse.Run borrowedCard = gatehouse(kim, List.of(PIN, PIN, PIN), destroy("--custodian", "kim",
                "--card-token", KIM_CARD, "--card-pin-fd", "4", "--custodian", "lou", "--card-token", KIM_CARD,
                "--card-pin-fd", "5"));
        assertThat(borrowedCard.exit()).as(borrowedCard.out() + borrowedCard.err()).isEqualTo(ExitCode.PERMISSION);
        assertThat(borrowedCard.err()).contains("not the enrolled card");

        ChildGatehouse.Run wrongPin = gatehouse(kim, List.of(PIN, PIN, "0000"), destroy("--custodian", "kim",
                "--card-token", KIM_CARD, "--card-pin-fd", "4", "--custodian", "lou", "--card-token", LOU_CARD,
                "--card-pin-fd", "5"));
        assertThat(wrongPin.exit()).as(wrongPin.out() + wrongPin.err()).isEqualTo(ExitCode.PERMISSION);
        assertThat(wrongPin.err()).doesNotContain("0000");

        // outside a development profile the shared passphrase is not proof of two people
        ChildGatehouse.Run passphrases = gatehouse(production, List.of(PIN, PASSPHRASE, PASSPHRASE), destroy(
                "--custodian", "kim", "--custodian-passphrase-fd", "4", "--custodian", "lou",
                "--custodian-passphrase-fd", "5"));
        assertThat(passphrases.exit()).as(passphrases.out() + passphrases.err()).isEqualTo(ExitCode.PERMISSION);
        assertThat(passphrases.err()).contains("smartcard").contains("kim confirmed with a passphrase only");
        assertThat(pkcs11Tool(SIGNING_TOKEN)).contains("checkout-v1");

        ChildGatehouse.Run destroyed = gatehouse(kim, List.of(PIN, PIN, PIN), destroy("--custodian", "kim",
                "--card-token", KIM_CARD, "--card-pin-fd", "4", "--custodian", "lou", "--card-token", LOU_CARD,
                "--card-pin-fd", "5"));
        assertThat(destroyed.exit()).as(destroyed.err()).isZero();
        assertThat(destroyed.out()).contains("Destroyed 1 version on the token, confirmed by kim and lou");
        assertThat(pkcs11Tool(SIGNING_TOKEN)).doesNotContain("checkout-v1").contains("checkout-v2");

        ChildGatehouse.Run entry = gatehouse(kim, List.of(), "audit", "list", "--action", "key.version.destroyed");
        assertThat(entry.out()).contains("custodians=kim,lou").contains("proofs=smartcard,smartcard");
        ChildGatehouse.Run refusals = gatehouse(kim, List.of(), "audit", "list", "--action", "key.destruction.refused");
        assertThat(refusals.out()).contains("two different custodians").contains("not the enrolled card")
                .contains("passphrase only");
        ChildGatehouse.Run louProofs = gatehouse(kim, List.of(), "audit", "list", "--subject", "operator/lou");
        assertThat(louProofs.out()).contains("kind=smartcard").contains("result=accepted").contains("result=refused");
        ChildGatehouse.Run verify = gatehouse(kim, List.of(), "audit", "verify");
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).containsPattern("Signed heads: \\d+ verified");

        ChildGatehouse.Run after = gatehouse(kim, List.of(), "keys", "destroy-due");
        assertThat(after.out()).contains("No version is due for destruction.");
    }

    private static String[] destroy(String... custodians) {
        List<String> args = new ArrayList<>(List.of("keys", "destroy-due", "--destroy", "--module", MODULE,
                "--token-label", SIGNING_TOKEN, "--pin-fd", "3", "--registry", sandbox.baseUrl().toString()));
        args.addAll(Arrays.asList(custodians));
        return args.toArray(String[]::new);
    }

    private static ChildGatehouse.Run gatehouse(Path config, List<String> descriptors, String... args)
            throws IOException, InterruptedException {
        return ChildGatehouse.runWithDescriptors(dir, config, softhsmConf, descriptors,
                Map.of("GATEHOUSE_JWKS_ADMIN_TOKEN", sandbox.adminToken()), args);
    }

    private static String pkcs11Tool(String token) throws IOException, InterruptedException {
        return run(List.of("pkcs11-tool", "--module", MODULE, "--token-label", token, "--login", "--pin", PIN,
                "--list-objects", "--type", "privkey"));
    }

    private static void tool(String... command) throws IOException, InterruptedException {
        run(List.of(command));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", softhsmConf.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
