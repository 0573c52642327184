package io.gatehouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.app.CommandLineLauncher;
import io.gatehouse.app.Launcher;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.config.AppDirectories;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The console start's short cut past picocli must read exactly what picocli reads, or step aside. */
class ConsoleArgumentsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "--config /tmp/g/config.yaml",
        "--data-dir /tmp/g/data",
        "--config /tmp/g/c.yaml --data-dir /tmp/g/d",
        "--data-dir /tmp/g/d --config /tmp/g/c.yaml",
        "--config=/tmp/g/c.yaml --data-dir=/tmp/g/d",
        "--data-dir=relative/dir",
        "--config c.yaml --data-dir=d"})
    void readsThePlainConsoleStartAsPicocliDoes(String line) {
        String[] args = split(line);
        assertThat(ConsoleArguments.directories(args)).contains(viaPicocli(args));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--version",
        "--help",
        "keys tokens",
        "q4.gatehouse.json",
        "--config",
        "--config c.yaml --config d.yaml",
        "--data-dir --config",
        "--data-dir -x",
        "--config @args.txt",
        "--config=",
        "--passphrase-fd 3",
        "--data-dir d report --out x.pdf",
        "-h"})
    void leavesEverythingElseToPicocli(String line) {
        assertThat(ConsoleArguments.directories(split(line))).isEmpty();
    }

    @Test
    void aPlainStartReachesTheConsoleWithThoseDirectories() {
        AtomicReference<AppDirectories> started = new AtomicReference<>();
        int code = Launcher.run(new String[] {"--config", "/tmp/g/c.yaml", "--data-dir", "/tmp/g/d"}, (dirs, file) -> {
            started.set(dirs);
            return 0;
        });
        assertThat(code).isZero();
        assertThat(started.get().configFile()).hasToString("/tmp/g/c.yaml");
        assertThat(started.get().dataDirectory()).hasToString("/tmp/g/d");
    }

    @Test
    void aFailureOfThePlainStartGivesItsExitCodeAsThroughPicocli() {
        int code = Launcher.run(new String[] {"--data-dir", "/tmp/g/d"}, (dirs, file) -> {
            throw new GatehouseException(FailureKind.CONFIGURATION, "The configuration is gone.");
        });
        assertThat(code).isEqualTo(ExitCode.CONFIGURATION);
    }

    private static String[] split(String line) {
        return line.isBlank() ? new String[0] : line.trim().split(" +");
    }

    private static AppDirectories viaPicocli(String[] args) {
        AtomicReference<AppDirectories> seen = new AtomicReference<>();
        var cli = CommandLineLauncher.commandLine((dirs, file) -> {
            seen.set(dirs);
            return 0;
        });
        cli.setErr(new PrintWriter(new StringWriter()));
        assertThat(cli.execute(args)).isZero();
        return seen.get();
    }
}
