package io.gatehouse.app;

import io.gatehouse.app.cli.ExitCode;
import io.gatehouse.app.cli.GatehouseCommand;
import io.gatehouse.app.console.ConsoleBoot;
import io.gatehouse.data.GatehouseException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/** Entry point; a plain class so JavaFX runs from the classpath without a module path. */
public final class Launcher {
    private static final System.Logger LOG = System.getLogger(Launcher.class.getName());

    private Launcher() {
    }

    public static void main(String[] args) {
        io.gatehouse.app.wiring.FileLog.silenceTerminal();
        System.exit(run(args, new ConsoleBoot()::start));
    }

    /** Runs the command line and returns its exit code; the console starter is injected for tests. */
    public static int run(String[] args, GatehouseCommand.ConsoleStarter consoleStarter) {
        // a throwaway parse: picocli adds repeated argument groups again when one instance parses twice
        selectHeadlessForSubcommands(commandLine(consoleStarter), args);
        return commandLine(consoleStarter).execute(args);
    }

    public static CommandLine commandLine(GatehouseCommand.ConsoleStarter consoleStarter) {
        CommandLine cli = new CommandLine(new GatehouseCommand(consoleStarter));
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("gatehouse: " + e.getMessage() + ". Try '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help'.");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
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
        });
        return cli;
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
