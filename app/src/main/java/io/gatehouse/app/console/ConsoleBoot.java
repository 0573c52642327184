package io.gatehouse.app.console;

import io.gatehouse.app.cli.ExitCode;
import io.gatehouse.app.wiring.ConsoleRuntime;
import io.gatehouse.app.wiring.ConsoleSignIn;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.data.config.ConfigException;
import io.gatehouse.data.store.StoreException;
import io.gatehouse.views.shell.ConsoleShell;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Opens the graphical console. Everything slow (configuration, store, sandbox) happens on this
 * thread before the toolkit starts; a failure shows a clear start-up screen, not a stack trace.
 */
public final class ConsoleBoot {
    private static final System.Logger LOG = System.getLogger(ConsoleBoot.class.getName());

    public int start(AppDirectories directories) {
        return start(directories, null);
    }

    /** Opens the console, then {@code file} (an assessment or catalogue opened from the desktop) when not null. */
    public int start(AppDirectories directories, java.nio.file.Path file) {
        Optional<String> missing = RuntimeCheck.missingModule();
        if (missing.isPresent()) {
            return fail("Gatehouse cannot start", "This Java runtime lacks the module " + missing.get()
                    + ", which Gatehouse needs.", "Reinstall Gatehouse, or run it with a full JDK 25.", null,
                    ExitCode.CONFIGURATION);
        }
        ConsoleRuntime runtime;
        try {
            runtime = ConsoleRuntime.open(directories, InstantSource.system(), new WindowAsker());
        } catch (ConsoleSignIn.SignInCancelled e) {
            System.err.println("gatehouse: " + e.getMessage());
            return ExitCode.of(e.kind());
        } catch (UnsupportedOperationException | UnsatisfiedLinkError noDisplay) {
            // the sign-in or passphrase dialog could not open: no display
            return noDisplay(noDisplay);
        } catch (ConfigException e) {
            return fail("The configuration is not valid", e.getMessage(),
                    "Correct the file and start again, or move it away to use the sandbox defaults.", e,
                    ExitCode.CONFIGURATION);
        } catch (StoreException e) {
            return fail("The local store cannot be opened", e.getMessage(),
                    "Nothing was changed. Follow the advice above, then start again.", e, ExitCode.LOCAL_STORE);
        } catch (GatehouseException e) {
            return fail("Gatehouse cannot start", e.getMessage(), "Follow the advice above, then start again.", e,
                    ExitCode.of(e.kind()));
        }
        try (runtime) {
            ConsoleShell.launch(runtime.shellContext(), file);
        } catch (UnsupportedOperationException | UnsatisfiedLinkError noDisplay) {
            return noDisplay(noDisplay);
        }
        return ExitCode.OK;
    }

    /** JavaFX cannot reach a display (no X11/Wayland session, or GTK 3 missing). */
    private static int noDisplay(Throwable noDisplay) {
        LOG.log(System.Logger.Level.ERROR, "the window toolkit could not start", noDisplay);
        System.err.println("gatehouse: the console window cannot open: no graphical display is available ("
                + noDisplay.getMessage() + "). Run it in a desktop session with GTK 3 installed, or use the"
                + " command line (gatehouse --help).");
        return ExitCode.CONFIGURATION;
    }

    private static int fail(String title, String whatHappened, String whatToDo, Throwable detail, int exitCode) {
        LOG.log(System.Logger.Level.ERROR, title + ": " + whatHappened, detail);
        System.err.println("gatehouse: " + whatHappened);
        try {
            ConsoleShell.showStartupFailure(title, whatHappened, whatToDo, detail);
        } catch (RuntimeException | Error noDisplay) {
            // without a display the line on stderr is all the user gets; it is already written
            LOG.log(System.Logger.Level.DEBUG, "start-up failure screen could not be shown", noDisplay);
        }
        return exitCode;
    }
}
