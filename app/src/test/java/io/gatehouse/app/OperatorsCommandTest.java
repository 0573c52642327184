package io.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.app.cli.ExitCode;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatehouse operators}: a custodian asks for their SoftHSM2 "card" to be bound to them, a lead approves
 * it after re-entering the passphrase, and the card then proves the custodian's presence by signing a challenge.
 */
class OperatorsCommandTest {
    private static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";
    private static final String PIN = "8642";
    private static final String CARD = "kim-card";
    private static final String KEY = "PIV AUTH key";
    private static final String PASSPHRASE = "lead passphrase for tests";

    @TempDir
    static Path dir;

    private static Path softhsmConf;
    private static Path kimConfig;
    private static Path lenaConfig;

    @BeforeAll
    static void prepare() throws Exception {
        Path tokens = Files.createDirectories(dir.resolve("tokens"));
        softhsmConf = dir.resolve("softhsm2.conf");
        Files.writeString(softhsmConf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        tool("softhsm2-util", "--init-token", "--free", "--label", CARD, "--so-pin", "97531864", "--pin", PIN);
        tool("pkcs11-tool", "--module", MODULE, "--token-label", CARD, "--login", "--pin", PIN, "--keypairgen",
                "--key-type", "EC:prime256v1", "--label", KEY, "--id", "0a");
        Path spki = dir.resolve("kim.spki.der");
        tool("pkcs11-tool", "--module", MODULE, "--token-label", CARD, "--read-object", "--type", "pubkey", "--label", KEY,
                "-o", spki.toString());
        byte[] certificate = TestCertificates.issue(SpkiKeys.decode(Files.readAllBytes(spki)), "Kim Custodian",
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365))).getEncoded();
        Files.write(dir.resolve("kim.der"), certificate);

        String operators = """
                operators:
                  - id: kim
                    name: Kim Custodian
                    roles: [key-custodian]
                  - id: lena
                    name: Lena Lead
                    roles: [lead]
                profile: sandbox
                profiles:
                  sandbox:
                    sandbox:
                      seed: 1
                """;
        kimConfig = Files.writeString(dir.resolve("kim.yaml"), "operator: kim\n" + operators);
        lenaConfig = Files.writeString(dir.resolve("lena.yaml"), "operator: lena\n" + operators);
        Files.createDirectories(dir.resolve("data"));
        PassphraseSecretStore.create(dir.resolve("data").resolve("secrets.json"), PASSPHRASE.toCharArray(),
                KdfParameters.DEFAULT).close();
    }

    @Test
    void aCardIsRequestedApprovedByALeadAndThenProvesPresence() throws Exception {
        ChildGatehouse.Run request = run(kimConfig, null, "operators", "request-card", "--cert",
                dir.resolve("kim.der").toString(), "--key-label", KEY);
        assertThat(request.exit()).as(request.err()).isZero();
        assertThat(request.out()).contains("waits for a lead's approval");

        ChildGatehouse.Run early = run(kimConfig, PIN, "operators", "prove", "--module", MODULE, "--token-label", CARD,
                "--pin-fd", "3");
        assertThat(early.exit()).isEqualTo(ExitCode.PERMISSION);
        assertThat(early.err()).contains("No card is enrolled for kim");

        ChildGatehouse.Run selfApproval = run(kimConfig, PASSPHRASE, "--passphrase-fd", "3", "operators", "approve-card", "kim");
        assertThat(selfApproval.exit()).isEqualTo(ExitCode.PERMISSION);

        ChildGatehouse.Run wrongPassphrase = run(lenaConfig, "not it", "--passphrase-fd", "3", "operators", "approve-card", "kim");
        assertThat(wrongPassphrase.exit()).isEqualTo(ExitCode.PERMISSION);

        ChildGatehouse.Run approve = run(lenaConfig, PASSPHRASE, "--passphrase-fd", "3", "operators", "approve-card", "kim");
        assertThat(approve.exit()).as(approve.err()).isZero();
        assertThat(approve.out()).contains("Enrolled: kim's card CN=Kim Custodian");

        ChildGatehouse.Run wrongPin = run(kimConfig, "0000", "operators", "prove", "--module", MODULE, "--token-label", CARD,
                "--pin-fd", "3");
        assertThat(wrongPin.exit()).isEqualTo(ExitCode.PERMISSION);
        assertThat(wrongPin.err()).doesNotContain("0000");

        ChildGatehouse.Run prove = run(kimConfig, PIN, "operators", "prove", "--module", MODULE, "--token-label", CARD,
                "--pin-fd", "3");
        assertThat(prove.exit()).as(prove.err()).isZero();
        assertThat(prove.out()).contains("Presence proven by kim's card");

        ChildGatehouse.Run cards = run(lenaConfig, null, "operators", "cards");
        assertThat(cards.exit()).as(cards.err()).isZero();
        assertThat(cards.out()).contains("kim").contains("enrolled").contains("approved by lena");

        ChildGatehouse.Run audit = run(lenaConfig, null, "audit", "list", "--action", "operator.proof");
        assertThat(audit.out()).contains("kind=smartcard").contains("result=accepted");
        ChildGatehouse.Run enrolment = run(lenaConfig, null, "audit", "list", "--subject", "operator/kim");
        assertThat(enrolment.out()).contains("operator.card.requested").contains("operator.card.enrolled");

        ChildGatehouse.Run revoke = run(lenaConfig, null, "operators", "revoke-card", "kim", "--reason", "card lost");
        assertThat(revoke.exit()).as(revoke.err()).isZero();
        ChildGatehouse.Run afterRevoke = run(kimConfig, PIN, "operators", "prove", "--module", MODULE, "--token-label", CARD,
                "--pin-fd", "3");
        assertThat(afterRevoke.exit()).isEqualTo(ExitCode.PERMISSION);
    }

    private static ChildGatehouse.Run run(Path config, String fd3, String... args) throws IOException, InterruptedException {
        return ChildGatehouse.run(dir, config, softhsmConf, fd3, Map.of(), args);
    }

    private static void tool(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", softhsmConf.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
