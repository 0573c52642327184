package io.gatehouse.app.console;

import io.gatehouse.app.cli.ExitCode;
import io.gatehouse.app.wiring.ConsoleRuntime;
import io.gatehouse.app.wiring.ConsoleSignIn;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.data.config.ConfigException;
import io.gatehouse.data.store.StoreException;
import io.gatehouse.views.shell.ConsoleShell;
import io.gatehouse.views.shell.StartupWindow;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Opens the graphical console. Everything slow (configuration, store, sandbox) happens on its own
 * thread while the window toolkit starts; a failure shows a clear start-up screen, not a stack trace.
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
        // The toolkit and the starting window come up while the runtime opens on another thread:
        // both take about a second, and the user sees Gatehouse starting instead of nothing.
        CompletableFuture<ConsoleRuntime> opening = new CompletableFuture<>();
        Thread.ofPlatform().name("gatehouse-opening").start(() -> {
            try {
                // sign-in and the secret store's passphrase are asked in dialogs over the starting window
                opening.complete(ConsoleRuntime.open(directories, InstantSource.system(), new WindowAsker()));
            } catch (RuntimeException | Error e) {
                opening.completeExceptionally(e);
            }
        });
        StartupWindow window;
        try {
            window = StartupWindow.show();
        } catch (UnsupportedOperationException | UnsatisfiedLinkError noDisplay) {
            // without a display, a configuration or store problem is still the more useful message; it
            // goes to stderr only, since a toolkit that failed to start cannot be started again
            return opening(opening).map(runtime -> {
                runtime.close();
                return noDisplay(noDisplay);
            }).orElseGet(() -> failure(opening, null));
        }
        try {
            Optional<ConsoleRuntime> opened = opening(opening);
            if (opened.isEmpty()) {
                return failure(opening, window);
            }
            try (ConsoleRuntime runtime = opened.get()) {
                window.openConsole(runtime.shellContext(), file);
            }
            return ExitCode.OK;
        } finally {
            window.end();
        }
    }

    private static Optional<ConsoleRuntime> opening(CompletableFuture<ConsoleRuntime> opening) {
        try {
            return Optional.of(opening.join());
        } catch (java.util.concurrent.CompletionException e) {
            return Optional.empty();
        }
    }

    private static int failure(CompletableFuture<ConsoleRuntime> opening, StartupWindow window) {
        Throwable cause = opening.exceptionNow();
        if (cause instanceof ConsoleSignIn.SignInCancelled e) {
            System.err.println("gatehouse: " + e.getMessage());
            return ExitCode.of(e.kind());
        }
        if (cause instanceof UnsupportedOperationException || cause instanceof UnsatisfiedLinkError) {
            // the sign-in or passphrase dialog could not open: no display
            return noDisplay(cause);
        }
        if (cause instanceof ConfigException e) {
            return fail(window, "The configuration is not valid", e.getMessage(),
                    "Correct the file and start again, or move it away to use the sandbox defaults.", e,
                    ExitCode.CONFIGURATION);
        }
        if (cause instanceof StoreException e) {
            return fail(window, "The local store cannot be opened", e.getMessage(),
                    "Nothing was changed. Follow the advice above, then start again.", e, ExitCode.LOCAL_STORE);
        }
        if (cause instanceof GatehouseException e) {
            return fail(window, "Gatehouse cannot start", e.getMessage(), "Follow the advice above, then start again.", e,
                    ExitCode.of(e.kind()));
        }
        if (cause instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) cause;
    }

    private static int noDisplay(Throwable noDisplay) {
        // JavaFX cannot reach a display (no X11/Wayland session, or GTK 3 missing)
        LOG.log(System.Logger.Level.ERROR, "the window toolkit could not start", noDisplay);
        System.err.println("gatehouse: the console window cannot open: no graphical display is available ("
                + noDisplay.getMessage() + "). Run it in a desktop session with GTK 3 installed, or use the"
                + " command line (gatehouse --help).");
        return ExitCode.CONFIGURATION;
    }

    private static int fail(StartupWindow window, String title, String whatHappened, String whatToDo, Throwable detail,
            int exitCode) {
        LOG.log(System.Logger.Level.ERROR, title + ": " + whatHappened, detail);
        System.err.println("gatehouse: " + whatHappened);
        if (window != null) {
            window.showFailure(title, whatHappened, whatToDo, detail);
        }
        return exitCode;
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
