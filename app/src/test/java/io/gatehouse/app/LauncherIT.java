package io.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.TestOperators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged launcher script, run as a user would: JDK discovery, version, audit verify. */
class LauncherIT {
    @TempDir
    Path tmp;

    record Result(int exitCode, String out, String err) {
    }

    private Result gatehouse(String... args) throws IOException, InterruptedException {
        List<String> withConfig = new ArrayList<>(List.of("--config", tmp.resolve("absent.yaml").toString()));
        withConfig.addAll(List.of(args));
        return launch(withConfig);
    }

    private Result launch(List<String> args) throws IOException, InterruptedException {
        return launch(args, Map.of("GATEHOUSE_CDS", "off"));
    }

    private Result launch(List<String> args, Map<String, String> environment) throws IOException, InterruptedException {
        Path launcher = Path.of(System.getProperty("gatehouse.launcher"));
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        // the launcher must find JDK 25 by itself: give it the JDK running this test, as a user's JAVA_HOME
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // no display: whatever a subcommand renders must go through the headless platform
        builder.environment().remove("DISPLAY");
        // the console's start-up cache belongs in a user's cache folder, not in the test machine's: off, or in a
        // folder of the test's own
        builder.environment().putAll(environment);
        builder.redirectOutput(tmp.resolve("out.txt").toFile());
        builder.redirectError(tmp.resolve("err.txt").toFile());
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Result(process.exitValue(), Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void theConsoleWithoutADisplaySaysSoInOneLineAndEndsAfterClosingWhatItOpened() throws Exception {
        Result result = gatehouse("--data-dir", tmp.resolve("data").toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        assertThat(result.err()).contains("the console window cannot open: no graphical display is available");
        // the runtime opened in parallel and was closed: the store lock is free for the next start
        Result again = gatehouse("--data-dir", tmp.resolve("data").toString(), "audit", "verify");
        assertThat(again.exitCode()).as(again.err()).isZero();
    }

    @Test
    void aStartRemovesTheStartUpCachesOfADeletedInstallationOnly() throws Exception {
        Path cache = Files.createDirectories(tmp.resolve("cache").resolve("gatehouse"));
        Path kept = Files.createDirectories(tmp.resolve("other-installation"));
        Files.writeString(kept.resolve("gatehouse.jar"), "");
        Files.writeString(cache.resolve("console-111-1.aot"), "gone");
        Files.writeString(cache.resolve("console-111-1.aot.part"), "gone");
        Files.writeString(cache.resolve("console-111.home"), tmp.resolve("deleted-installation") + "\n");
        Files.writeString(cache.resolve("console-222-1.aot"), "present");
        Files.writeString(cache.resolve("console-222.home"), kept + "\n");
        // a cache without a note of its folder (an older launcher's, or one being recorded) is not guessed at
        Files.writeString(cache.resolve("console-333-1.aot"), "unknown");

        Result result = launch(List.of("--config", tmp.resolve("absent.yaml").toString(),
                "--data-dir", tmp.resolve("data").toString()), Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString()));
        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);

        assertThat(cache.resolve("console-111-1.aot")).doesNotExist();
        assertThat(cache.resolve("console-111-1.aot.part")).doesNotExist();
        assertThat(cache.resolve("console-111.home")).doesNotExist();
        assertThat(cache.resolve("console-222-1.aot")).exists();
        assertThat(cache.resolve("console-222.home")).exists();
        assertThat(cache.resolve("console-333-1.aot")).exists();
        // this installation noted its own folder
        Path launcherFolder = Path.of(System.getProperty("gatehouse.launcher")).toRealPath().getParent();
        try (var notes = Files.list(cache)) {
            assertThat(notes.filter(p -> p.getFileName().toString().endsWith(".home")).map(p -> {
                try {
                    return Files.readString(p).strip();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).contains(launcherFolder.toString());
        }
    }

    @Test
    void anInvalidConfigurationIsReportedBeforeTheMissingDisplay() throws Exception {
        Path config = tmp.resolve("gatehouse.yaml");
        Files.writeString(config, "no-such-setting: 1\n");
        Result result = launch(List.of("--config", config.toString(), "--data-dir", tmp.resolve("data").toString()));
        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        assertThat(result.err()).startsWith("gatehouse: ").contains("gatehouse.yaml:1:1")
                .doesNotContain("no graphical display");
    }

    @Test
    void versionPrintsTheVersion() throws Exception {
        Result result = gatehouse("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).matches("gatehouse \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void auditVerifyReportsAnIntactChainAndThenTheFirstBrokenEntry() throws Exception {
        Path dir = tmp.resolve("data");
        ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
        try (LocalStore store = LocalStore.open(dir)) {
            AuditLog log = new AuditLog(store, TestOperators.session(clock, Role.LEAD), clock);
            for (int i = 1; i <= 4; i++) {
                log.append("case.decided", "case/" + i, Map.of("decision", "approve"));
            }
        }

        Result intact = gatehouse("--data-dir", dir.toString(), "audit", "verify");
        assertThat(intact.exitCode()).as(intact.err()).isZero();
        // the four decisions, then the configuration this first run recorded as its baseline
        assertThat(intact.out()).startsWith("Audit chain intact: 5 entries, head ");

        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("gatehouse"), "", "")) {
            c.createStatement().executeUpdate("UPDATE audit_entry SET details = '{\"decision\":\"decline\"}' WHERE seq = 2");
        }
        Result broken = gatehouse("--data-dir", dir.toString(), "audit", "verify");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.err()).startsWith("Audit chain broken at entry 2:").contains("altered");
        assertThat(broken.err().lines()).hasSize(1);
    }

    @Test
    void subcommandsRenderHeadlessWithNoDisplay() throws Exception {
        Path out = tmp.resolve("shots");
        Result result = gatehouse("--data-dir", tmp.resolve("data").toString(), "screenshots", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(out.resolve("main-light.png")).exists();
        assertThat(out.resolve("settings-dark.png")).exists();
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(out.resolve("main-light.png").toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void secretsAreStoredFromDescriptorsListedByNameAndNeverShown() throws Exception {
        Path dir = tmp.resolve("data");
        Files.writeString(tmp.resolve("pass"), "correct horse battery\n");
        Files.writeString(tmp.resolve("wrong"), "wrong horse\n");
        Files.writeString(tmp.resolve("value"), "sk_live_VALUE_never_shown_31337\n");
        String launcher = System.getProperty("gatehouse.launcher");
        String common = launcher + " --config " + tmp.resolve("absent.yaml") + " --data-dir " + dir;

        Result stored = shell(common + " --passphrase-fd 3 secrets set case-api-key --value-fd 4 3<" + tmp.resolve("pass")
                + " 4<" + tmp.resolve("value"));
        assertThat(stored.exitCode()).as(stored.err()).isZero();
        assertThat(stored.out()).contains("Stored secret case-api-key");

        Result listed = shell(common + " --passphrase-fd 3 secrets list 3<" + tmp.resolve("pass"));
        assertThat(listed.out().strip()).isEqualTo("case-api-key");

        Result refused = shell(common + " --passphrase-fd 3 secrets list 3<" + tmp.resolve("wrong"));
        assertThat(refused.exitCode()).isEqualTo(5);
        assertThat(refused.err().lines()).hasSize(1);

        Result deleted = shell(common + " --passphrase-fd 3 secrets delete case-api-key 3<" + tmp.resolve("pass"));
        assertThat(deleted.exitCode()).as(deleted.err()).isZero();

        Result audit = gatehouse("--data-dir", dir.toString(), "audit", "list");
        assertThat(audit.out()).contains("secret.stored").contains("secret.deleted");
        for (Result r : List.of(stored, listed, refused, deleted, audit)) {
            assertThat(r.out() + r.err()).doesNotContain("VALUE_never_shown").doesNotContain("battery");
        }
        try (var files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain("VALUE_never_shown");
            }
        }
    }

    @Test
    void theAuditChainExportsAsJsonLinesOnlyAfterAFreshPassphraseProof() throws Exception {
        Path dir = tmp.resolve("data");
        Files.writeString(tmp.resolve("pass"), "correct horse battery\n");
        Files.writeString(tmp.resolve("wrong"), "wrong horse\n");
        Files.writeString(tmp.resolve("value"), "sk_live_VALUE_never_shown_31337\n");
        String launcher = System.getProperty("gatehouse.launcher");
        String common = launcher + " --config " + tmp.resolve("absent.yaml") + " --data-dir " + dir;

        Result noStore = shell(common + " audit export --format jsonl");
        assertThat(noStore.exitCode()).isEqualTo(5);
        assertThat(noStore.err()).contains("no secret store yet");

        Result stored = shell(common + " --passphrase-fd 3 secrets set case-api-key --value-fd 4 3<" + tmp.resolve("pass")
                + " 4<" + tmp.resolve("value"));
        assertThat(stored.exitCode()).as(stored.err()).isZero();

        Result refused = shell(common + " --passphrase-fd 3 audit export --format jsonl 3<" + tmp.resolve("wrong"));
        assertThat(refused.exitCode()).isEqualTo(5);
        assertThat(refused.out()).isEmpty();

        Result exported = shell(common + " --passphrase-fd 3 audit export --format jsonl 3<" + tmp.resolve("pass"));
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> lines = exported.out().lines().toList();
        assertThat(lines).isNotEmpty();
        List<String> actions = new ArrayList<>();
        for (String line : lines) {
            var node = json.readTree(line);
            assertThat(node.get("type").asText()).isEqualTo("entry");
            actions.add(node.get("action").asText());
        }
        assertThat(actions).contains("secret.stored", "operator.proof");
        assertThat(exported.err()).contains("Exported " + lines.size() + " audit entries");
        assertThat(exported.out() + exported.err()).doesNotContain("VALUE_never_shown").doesNotContain("battery");

        Path file = tmp.resolve("chain.jsonl");
        Result toFile = shell(common + " --passphrase-fd 3 audit export --format jsonl --out " + file + " 3<" + tmp.resolve("pass"));
        assertThat(toFile.exitCode()).as(toFile.err()).isZero();
        assertThat(Files.readAllLines(file)).hasSizeGreaterThan(lines.size());
        Result audit = gatehouse("--data-dir", dir.toString(), "audit", "list", "--action", "audit.exported");
        assertThat(audit.out().lines()).hasSize(2);
        Result refusals = gatehouse("--data-dir", dir.toString(), "audit", "list", "--action", "operator.proof");
        assertThat(refusals.out()).contains("refused").contains("accepted");
    }

    private Result shell(String commandLine) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", "-c", commandLine);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("DISPLAY");
        builder.redirectOutput(tmp.resolve("out.txt").toFile());
        builder.redirectError(tmp.resolve("err.txt").toFile());
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readString(tmp.resolve("out.txt")), Files.readString(tmp.resolve("err.txt")));
    }

    @Test
    void aMissingJdkIsReportedInOneLine() throws Exception {
        Path launcher = Path.of(System.getProperty("gatehouse.launcher"));
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", launcher.toString(), "--version");
        builder.environment().put("JAVA_HOME", tmp.toString());
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("GATEHOUSE_JDK_SEARCH", "off");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        assertThat(process.exitValue()).as(output).isEqualTo(3);
        assertThat(output).contains("no JDK 25 found");
    }
}
