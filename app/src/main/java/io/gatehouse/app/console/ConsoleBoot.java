package io.gatehouse.app.console;

import io.gatehouse.app.cli.ExitCode;
import io.gatehouse.app.wiring.ConsoleRuntime;
import io.gatehouse.app.wiring.ConsoleSignIn;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.data.config.ConfigException;
import io.gatehouse.data.settings.SettingsStore;
import io.gatehouse.data.settings.UserSettings;
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
        CompletableFuture<UserSettings> look = new CompletableFuture<>();
        Thread.ofPlatform().name("gatehouse-opening").start(() -> {
            try {
                // first the theme and language, so the window can prepare the console while the rest opens
                look.complete(new SettingsStore(directories.dataDirectory()).load());
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
            }).orElseGet(() -> failure(opening.exceptionNow(), null));
        }
        window.prepareConsole(look);
        try {
            Optional<ConsoleRuntime> opened = opening(opening);
            if (opened.isEmpty()) {
                return failure(opening.exceptionNow(), window);
            }
            return serve(window, opened.get(), file, last -> ConsoleRuntime.open(directories, InstantSource.system(),
                    new WindowAsker(window::owner, last.theme(), last.language())));
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

    /**
     * Runs the console in {@code window} until the window is closed. A sign-out closes the runtime (the store with
     * its outbox, the sandbox, the connections) and the window offers the sign-in step; signing in opens a fresh
     * runtime through {@code signIn}, exactly as the start does, so the new operator's session, roles and secrets
     * are theirs alone. A cancelled sign-in returns to the step; a failure shows the start-up failure screen.
     */
    static int serve(StartupWindow window, ConsoleRuntime first, java.nio.file.Path file, SignIn signIn) {
        ConsoleRuntime runtime = first;
        java.nio.file.Path toOpen = file;
        while (true) {
            StartupWindow.Ending ending;
            UserSettings last;
            try (ConsoleRuntime current = runtime) {
                ending = window.openConsole(current.shellContext(), toOpen);
                last = current.shellContext().settingsStore().load();
            }
            toOpen = null;
            if (ending == StartupWindow.Ending.CLOSED) {
                return ExitCode.OK;
            }
            runtime = null;
            while (runtime == null) {
                if (!window.awaitSignIn()) {
                    return ExitCode.OK;
                }
                try {
                    runtime = signIn.open(last);
                } catch (ConsoleSignIn.SignInCancelled cancelled) {
                    LOG.log(System.Logger.Level.INFO, "sign-in after a sign-out was cancelled; the window offers it again");
                } catch (RuntimeException | Error e) {
                    return failure(e, window);
                }
            }
        }
    }

    /** Opens a fresh runtime for the next operator, asking in dialogs of the last operator's language and theme. */
    @FunctionalInterface
    interface SignIn {
        ConsoleRuntime open(UserSettings last);
    }

    private static int failure(Throwable cause, StartupWindow window) {
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
