package io.gatehouse.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gatehouse}: with no subcommand, opens the console. */
@Command(name = "gatehouse", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Security console for headless e-commerce checkouts.",
        subcommands = {AuditCommand.class, KeysCommand.class, QueueCommand.class, ReportCommand.class, SandboxCommand.class,
            ScreenshotsCommand.class, SecretsCommand.class, OperatorsCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok", "1:a check failed (verify, tamper)", "2:usage", "3:configuration", "4:upstream or network",
            "5:authentication or permission", "6:local store", "70:internal error (see the log)"})
public final class GatehouseCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global = new GlobalOptions();

    private final ConsoleStarter consoleStarter;

    public GatehouseCommand(ConsoleStarter consoleStarter) {
        this.consoleStarter = consoleStarter;
    }

    public GlobalOptions global() {
        return global;
    }

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "An assessment or criteria catalogue"
            + " (*.gatehouse.json) to import; the console opens on Maturity & audit with it. The desktop passes it"
            + " when such a file is opened.")
    java.nio.file.Path openFile;

    @Override
    public Integer call() {
        return consoleStarter.start(global.directories(), openFile == null ? null : openFile.toAbsolutePath());
    }

    /** Opens the graphical console; returns its exit code when the window closes. */
    @FunctionalInterface
    public interface ConsoleStarter {
        /** {@code file} is an assessment or catalogue to open, or null. */
        int start(io.gatehouse.data.config.AppDirectories directories, java.nio.file.Path file);
    }
}
