package io.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.app.cli.ExitCode;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.TestOperators;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.store.LocalStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line in-process: parsing, exit codes and messages. */
class CommandLineTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger consoleStarts = new AtomicInteger();
    private Path openedFile;

    private int run(String... args) {
        CommandLine cli = CommandLineLauncher.commandLine((dirs, file) -> {
            openedFile = file;
            consoleStarts.incrementAndGet();
            return 0;
        });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        // never read the configuration of whoever runs the tests
        if (!java.util.Arrays.asList(args).contains("--config")) {
            String[] withConfig = new String[args.length + 2];
            withConfig[0] = "--config";
            withConfig[1] = tmp.resolve("absent.yaml").toString();
            System.arraycopy(args, 0, withConfig, 2, args.length);
            args = withConfig;
        }
        return cli.execute(args);
    }

    @Test
    void noSubcommandOpensTheConsole() {
        assertThat(run("--data-dir", tmp.resolve("d").toString())).isZero();
        assertThat(consoleStarts).hasValue(1);
    }

    @Test
    void aFileArgumentIsHandedToTheConsoleToOpen() {
        assertThat(run("--data-dir", tmp.resolve("d").toString(), "q4.gatehouse.json")).isZero();
        assertThat(consoleStarts).hasValue(1);
        assertThat(openedFile).isAbsolute().hasFileName("q4.gatehouse.json");
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("gatehouse ").doesNotContain("unknown");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("--frobnicate")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("Unknown option").contains("--help");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void aBadConfigurationExitsWithThreeAndOneLine() throws Exception {
        Path config = tmp.resolve("config.yaml");
        Files.writeString(config, "operator: x\nprofile: [\n");
        assertThat(run("--config", config.toString(), "--data-dir", tmp.resolve("d").toString(), "audit", "verify"))
                .isEqualTo(ExitCode.CONFIGURATION);
        assertThat(err.toString()).startsWith("gatehouse: " + config + ":");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void anOperatorWithoutThePermissionExitsWithFive() throws Exception {
        Path config = tmp.resolve("config.yaml");
        Files.writeString(config, """
                operator: eve
                operators:
                  - id: eve
                    name: Eve Executive
                    roles: [executive-viewer]
                profile: sandbox
                profiles:
                  sandbox:
                    sandbox: {seed: 1}
                """);
        assertThat(run("--config", config.toString(), "--data-dir", tmp.resolve("d").toString(), "audit", "verify"))
                .isEqualTo(ExitCode.PERMISSION);
        assertThat(err.toString()).contains("eve may not do this").contains("verify audit");
    }

    @Test
    void aLockedStoreExitsWithSix() {
        Path dir = tmp.resolve("d");
        try (LocalStore held = LocalStore.open(dir)) {
            assertThat(run("--data-dir", dir.toString(), "audit", "verify")).isEqualTo(ExitCode.LOCAL_STORE);
        }
        assertThat(err.toString()).contains("Another Gatehouse console");
    }

    @Test
    void listShowsEntriesNewestFirstWithFilters() {
        Path dir = tmp.resolve("d");
        ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
        try (LocalStore store = LocalStore.open(dir)) {
            AuditLog log = new AuditLog(store, TestOperators.session(clock, Role.ANALYST), clock);
            log.append("case.decided", "case/1", Map.of("decision", "approve"));
            log.append("case.held", "case/2", Map.of());
        }
        assertThat(run("--data-dir", dir.toString(), "audit", "list", "--action", "case.held")).isZero();
        assertThat(out.toString()).contains("case/2").doesNotContain("case/1");
        assertThat(run("--data-dir", dir.toString(), "audit", "list", "--limit", "0")).isEqualTo(ExitCode.USAGE);
    }
}
