package io.gatehouse.app;

import io.gatehouse.app.cli.ConsoleArguments;
import io.gatehouse.app.cli.GatehouseCommand;
import io.gatehouse.app.console.ConsoleBoot;
import java.io.PrintWriter;

/** Entry point; a plain class so JavaFX runs from the classpath without a module path. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        io.gatehouse.app.wiring.FileLog.silenceTerminal();
        System.exit(run(args, new ConsoleBoot()::start));
    }

    /** Runs the command line and returns its exit code; the console starter is injected for tests. */
    public static int run(String[] args, GatehouseCommand.ConsoleStarter consoleStarter) {
        var console = ConsoleArguments.directories(args);
        if (console.isEmpty()) {
            return CommandLineLauncher.run(args, consoleStarter);
        }
        // the everyday start goes straight to the console: building the command line costs 0.4 s of a cold start
        try {
            return consoleStarter.start(console.get(), null);
        } catch (RuntimeException e) {
            return CommandLineLauncher.failed(e, new PrintWriter(System.err, true));
        }
    }
}
