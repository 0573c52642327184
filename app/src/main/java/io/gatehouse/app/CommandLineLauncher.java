package io.gatehouse.app;

import io.gatehouse.app.cli.ExitCode;
import io.gatehouse.app.cli.GatehouseCommand;
import io.gatehouse.data.GatehouseException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * The full command line: subcommands, options and their errors, through picocli. Kept apart from
 * {@link Launcher} so that a plain console start never loads picocli, whose classes the JVM's start-up
 * cache cannot hold.
 */
public final class CommandLineLauncher {
    private static final System.Logger LOG = System.getLogger(CommandLineLauncher.class.getName());

    private CommandLineLauncher() {
    }

    static int run(String[] args, GatehouseCommand.ConsoleStarter consoleStarter) {
        // a throwaway parse: picocli adds repeated argument groups again when one instance parses twice
        selectHeadlessForSubcommands(commandLine(consoleStarter), args);
        return commandLine(consoleStarter).execute(args);
    }

    /** The command line with every subcommand; the console starter is injected for tests. */
    public static CommandLine commandLine(GatehouseCommand.ConsoleStarter consoleStarter) {
        CommandLine cli = new CommandLine(new GatehouseCommand(consoleStarter));
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("gatehouse: " + e.getMessage() + ". Try '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help'.");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e, commandLine.getErr()));
        return cli;
    }

    /** One line for the user and the exit code: the failure's own for a known kind, else a defect report. */
    static int failed(Exception e, PrintWriter err) {
        if (e instanceof GatehouseException g) {
            err.println("gatehouse: " + g.getMessage());
            LOG.log(System.Logger.Level.DEBUG, "command failed", e);
            return ExitCode.of(g.kind());
        }
        LOG.log(System.Logger.Level.ERROR, "unexpected failure", e);
        String where = io.gatehouse.app.wiring.FileLog.directory() != null
                ? "the log in " + io.gatehouse.app.wiring.FileLog.directory() + " has the details"
                : "details: " + CrashReport.write(e);
        err.println("gatehouse: unexpected error (" + e.getClass().getSimpleName() + "). This is a defect; "
                + where + ".");
        return ExitCode.INTERNAL;
    }

    // Subcommands never open a window: select JavaFX's headless platform before anything can
    // start the toolkit, so a report or screenshot renders with no display attached.
    private static void selectHeadlessForSubcommands(CommandLine cli, String[] args) {
        try {
            List<CommandLine> parsed = cli.parseArgs(args).asCommandLineList();
            if (parsed.size() > 1) {
                System.setProperty("glass.platform", "Headless");
                System.setProperty("prism.order", "sw");
                System.setProperty("java.awt.headless", "true");
            }
        } catch (CommandLine.ParameterException e) {
            // execute() reports it with the usage exit code
        }
    }
}
