package io.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.app.cli.ExitCode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatehouse keys} in a child JVM against a private SoftHSM2 token: SoftHSM reads
 * SOFTHSM2_CONF when its module initializes, so each run gets it in its environment. The PIN goes
 * in on file descriptor 3, opened by the shell, the way a script would pass it.
 */
class KeysCommandTest {
    private static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";
    private static final String PIN = "2468";
    private static final String TOKEN = "cli-token";

    @TempDir
    static Path dir;

    private static Path conf;


    @BeforeAll
    static void createToken() throws Exception {
        for (String tool : List.of("softhsm2-util", "pkcs11-tool", "bash")) {
            boolean found = false;
            for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                found |= !d.isEmpty() && Files.isExecutable(Path.of(d, tool));
            }
            if (!found) {
                throw new AssertionError(tool + " is not installed. The key custody tests need the Debian packages"
                        + " softhsm2 and opensc (.ci/run installs them).");
            }
        }
        assertThat(Path.of(MODULE)).as("SoftHSM2 module (apt-get install softhsm2)").isRegularFile();
        Path tokens = Files.createDirectories(dir.resolve("tokens"));
        conf = dir.resolve("softhsm2.conf");
        Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        tool("softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--so-pin", "13572468", "--pin", PIN);
        String[] login = {"pkcs11-tool", "--module", MODULE, "--token-label", TOKEN, "--login", "--pin", PIN};
        tool(concat(login, "--keypairgen", "--key-type", "EC:prime256v1", "--label", "checkout-es256", "--id", "01"));
        tool(concat(login, "--keygen", "--key-type", "AES:32", "--label", "loose-aes", "--id", "02", "--extractable"));
    }

    @Test
    void tokensAsJsonNamesTheModuleAndTheToken() throws Exception {
        ChildGatehouse.Run run = gatehouse(null, "keys", "tokens", "--module", MODULE, "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode modules = new ObjectMapper().readTree(run.out()).get("modules");
        assertThat(modules).hasSize(1);
        assertThat(modules.get(0).get("path").asText()).isEqualTo(MODULE);
        assertThat(modules.get(0).get("module").get("manufacturer").asText()).contains("SoftHSM");
        List<String> labels = new ArrayList<>();
        for (JsonNode slot : modules.get(0).get("slots")) {
            if (slot.hasNonNull("token")) {
                labels.add(slot.get("token").get("label").asText());
            }
        }
        assertThat(labels).contains(TOKEN);
    }

    @Test
    void tokensAsATableFiltersByLabel() throws Exception {
        ChildGatehouse.Run run = gatehouse(null, "keys", "tokens", "--module", MODULE, "--token-label", TOKEN);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Module " + MODULE).contains("Token '" + TOKEN + "'").contains("SoftHSM v2")
                .contains("LOGIN_REQUIRED").contains("CKM_ECDSA").doesNotContain("token not initialized");
    }

    @Test
    void listShowsTheInventoryThenTheFindingsAndExitsZero() throws Exception {
        ChildGatehouse.Run run = gatehouse(PIN, "keys", "list", "--module", MODULE, "--token-label", TOKEN, "--pin-fd", "3");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("checkout-es256").contains("P-256").contains("loose-aes")
                .contains("EXTRACTABLE").contains("Findings (2):").doesNotContain(PIN);
        assertThat(run.out().indexOf("Findings")).isGreaterThan(run.out().indexOf("loose-aes"));
    }

    @Test
    void listAsJsonCarriesKeysAndFindings() throws Exception {
        ChildGatehouse.Run run = gatehouse(PIN, "keys", "list", "--module", MODULE, "--token-label", TOKEN, "--pin-fd", "3", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("token").get("label").asText()).isEqualTo(TOKEN);
        List<String> keys = new ArrayList<>();
        doc.get("keys").forEach(k -> keys.add(k.get("keyClass").asText() + " " + k.get("label").asText()));
        assertThat(keys).containsExactlyInAnyOrder("PRIVATE_KEY checkout-es256", "PUBLIC_KEY checkout-es256",
                "SECRET_KEY loose-aes");
        List<String> findings = new ArrayList<>();
        doc.get("findings").forEach(f -> findings.add(f.get("kind").asText() + " " + f.get("key").get("label").asText()));
        assertThat(findings).containsExactlyInAnyOrder("EXTRACTABLE loose-aes", "NOT_SENSITIVE loose-aes");
    }

    @Test
    void aWrongPinExitsFiveWithOneLine() throws Exception {
        ChildGatehouse.Run run = gatehouse("0000", "keys", "list", "--module", MODULE, "--token-label", TOKEN, "--pin-fd", "3");
        assertThat(run.exit()).isEqualTo(ExitCode.PERMISSION);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("gatehouse: The PIN for token '" + TOKEN + "' is wrong.").doesNotContain("0000");
    }

    @Test
    void aLibraryThatIsNotPkcs11ExitsFour() throws Exception {
        ChildGatehouse.Run run = gatehouse(null, "keys", "tokens", "--module", "/usr/lib/x86_64-linux-gnu/libz.so.1");
        assertThat(run.exit()).isEqualTo(ExitCode.UPSTREAM);
        assertThat(run.err()).startsWith("gatehouse: /usr/lib/x86_64-linux-gnu/libz.so.1 is not a PKCS#11 module.");
    }

    @Test
    void aMissingLibraryOrTokenExitsFour() throws Exception {
        ChildGatehouse.Run missing = gatehouse(PIN, "keys", "list", "--module", dir.resolve("nope.so").toString(), "--token-label",
                TOKEN, "--pin-fd", "3");
        assertThat(missing.exit()).isEqualTo(ExitCode.UPSTREAM);
        assertThat(missing.err()).contains("does not exist");
        ChildGatehouse.Run noToken = gatehouse(PIN, "keys", "list", "--module", MODULE, "--token-label", "elsewhere", "--pin-fd", "3");
        assertThat(noToken.exit()).isEqualTo(ExitCode.UPSTREAM);
        assertThat(noToken.err()).contains("No token labelled 'elsewhere'");
    }

    @Test
    void withoutATerminalOrPinFdItIsAUsageError() throws Exception {
        ChildGatehouse.Run run = gatehouse(null, "keys", "list", "--module", MODULE, "--token-label", TOKEN);
        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--pin-fd");
    }

    /** Runs the launcher in a child JVM; a non-null pin is offered on descriptor 3. */
    private static ChildGatehouse.Run gatehouse(String pin, String... args) throws IOException, InterruptedException {
        return ChildGatehouse.run(dir, conf, pin, java.util.Map.of(), args);
    }

    private static void tool(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", conf.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
