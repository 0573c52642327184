package io.gatehouse.views.shell;

import io.gatehouse.views.common.AppIcons;
import io.gatehouse.views.common.FirstFrameProbe;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Language;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import io.gatehouse.data.operator.presence.SessionGuard;
import io.gatehouse.data.settings.UserSettings;
import io.gatehouse.views.common.Themes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The console's window from the moment the toolkit is up: it shows that Gatehouse is starting while
 * the store, the configuration and the sandbox open on another thread, then becomes the console (or
 * the start-up failure screen) in place. Built in code rather than FXML on purpose: this is the first
 * frame the user sees, and the FXML loader and the theme would delay it by several hundred
 * milliseconds.
 */
public final class StartupWindow {
    /** Why the console left the window: the window was closed, or the operator signed out and it awaits a sign-in. */
    public enum Ending { CLOSED, SIGNED_OUT }

    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;
    private static final int STARTING_ICON = 128;
    /**
     * How long the starting window waits before it prepares the console. On a start with an existing store the
     * runtime usually arrives within this time, and a warm-up step begun just before (some take a few hundred
     * milliseconds) would delay the console by as much; a first start, which migrates the store, takes seconds.
     */
    static final java.time.Duration WARM_UP_AFTER = java.time.Duration.ofMillis(400);

    private final Stage stage;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean closedByUser = new AtomicBoolean();
    private final AtomicBoolean handedOver = new AtomicBoolean();
    /** Set as the console is asked for, before its turn on the JavaFX thread, so warm-up steps queued ahead stop. */
    private final AtomicBoolean consoleRequested = new AtomicBoolean();
    /** Completed once the starting window's first frame is on screen (or the window is gone). */
    private final CompletableFuture<Void> drawn = new CompletableFuture<>();
    /** Whether the console took the window only after its first frame; for the tests. */
    private volatile boolean consoleAfterFirstFrame;
    /** The console now in the window ends here; completed by a sign-out or by the window closing. */
    private final AtomicReference<CompletableFuture<Ending>> console = new AtomicReference<>(new CompletableFuture<>());
    /**
     * Whether the operator chose to sign in (true) or closed the window (false); the choice may be made before
     * {@link #awaitSignIn()} asks for it, while the last runtime still closes. Null once taken. JavaFX thread only.
     */
    private CompletableFuture<Boolean> signInChoice;
    /** Who signed out last and how the next sign-in proves presence; JavaFX thread only. */
    private SignedOut lastSignOut;

    private record SignedOut(UserSettings settings, String operator, SignedOutScreen.Proof proof, boolean weaker) {
    }

    private StartupWindow(Stage stage) {
        this.stage = stage;
    }

    /**
     * Starts the JavaFX toolkit and shows the starting window; returns once it is on screen.
     *
     * @throws UnsupportedOperationException when no display can be reached
     */
    public static StartupWindow show() {
        FxRuntime.startIfNeeded();
        return FxRuntime.call(() -> {
            Stage stage = new Stage();
            StartupWindow window = new StartupWindow(stage);
            I18n i18n = new I18n(Language.fromTag(Locale.getDefault().getLanguage()));
            // the console's own theme family from the first frame: JavaFX then never parses its default
            // stylesheet (Modena), which the console would replace a moment later anyway
            Themes.apply(io.gatehouse.data.settings.ThemeChoice.SYSTEM);
            stage.setScene(startingScene(i18n));
            stage.setTitle(i18n.get("startup.windowTitle"));
            // JavaFX shows one icon per window, at 128 pixels on Linux and macOS (scaled to 32 on Windows); the
            // console keeps it
            stage.getIcons().setAll(AppIcons.of(STARTING_ICON));
            stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
                if (!window.handedOver.get()) {
                    window.closedByUser.set(true);
                }
                window.closed.countDown();
                window.drawn.complete(null);
                window.console.get().complete(Ending.CLOSED);
                if (window.signInChoice != null) {
                    window.signInChoice.complete(false);
                }
            });
            stage.show();
            window.noteFirstFrame();
            if (FirstFrameProbe.requested()) {
                FirstFrameProbe.report(stage, "first-frame", false);
            }
            return window;
        });
    }

    /**
     * Once {@code settings} (the operator's theme and language) are known, the starting window has drawn its first
     * frame and the runtime still has not arrived {@link #WARM_UP_AFTER} later, uses the idle JavaFX thread to
     * prepare the console's nodes and styles (see {@link ConsoleWarmUp}) and gives the starting window the
     * operator's theme. Skipped when the console is already on its way.
     */
    public void prepareConsole(java.util.concurrent.CompletionStage<UserSettings> settings) {
        settings.thenAccept(look -> Platform.runLater(() -> {
            if (!preparing()) {
                return;
            }
            new javafx.animation.AnimationTimer() {
                private int ticks;
                private long first;

                @Override
                public void handle(long now) {
                    if (++ticks == 1) {
                        first = now;
                    }
                    if (!preparing()) {
                        stop();
                        return;
                    }
                    // from the second tick on the starting window is drawn; the wait keeps a warm-up step from
                    // holding the JavaFX thread just as the console arrives on an ordinary start
                    if (ticks >= 2 && now - first >= WARM_UP_AFTER.toNanos()) {
                        stop();
                        ConsoleWarmUp.start(new I18n(Language.fromTag(look.language())), look.theme(),
                                StartupWindow.this::preparing);
                    }
                }
            }.start();
        }));
    }

    private void noteFirstFrame() {
        io.gatehouse.views.common.NextFrame.afterRendered(() -> drawn.complete(null));
    }

    // The runtime can arrive before the starting window has been drawn (on an ordinary start it comes about then).
    // Building the console first would hold the JavaFX thread for the build and the console's own first frame, most
    // of a second in which the window stays blank; so the console waits for that first frame. The bound only guards
    // against a toolkit that stopped pulsing.
    private void awaitFirstFrame() {
        try {
            drawn.get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // open the console anyway
        }
    }

    boolean consoleCameAfterFirstFrame() {
        return consoleAfterFirstFrame;
    }

    // true while the starting window waits for the runtime
    private boolean preparing() {
        return !consoleRequested.get() && !handedOver.get() && closed.getCount() > 0;
    }

    /** Whether the operator closed the window before the console (or the failure screen) replaced it. */
    public boolean closedEarly() {
        return closedByUser.get();
    }

    /**
     * Turns the window into the console and blocks until the operator closes it or signs out. After a sign-out
     * the window shows the sign-in step (see {@link #awaitSignIn()}) and the caller closes this console's runtime.
     * Returns {@link Ending#CLOSED} at once when the window was closed already.
     */
    public Ending openConsole(ShellContext context, Path file) {
        Objects.requireNonNull(context, "context");
        if (closed.getCount() == 0) {
            return Ending.CLOSED;
        }
        consoleRequested.set(true);
        CompletableFuture<Ending> ending = new CompletableFuture<>();
        console.set(ending);
        var initial = context.settingsStore().load();
        awaitFirstFrame();
        FxRuntime.call(() -> {
            if (closed.getCount() == 0) {
                ending.complete(Ending.CLOSED);
                return null;
            }
            handedOver.set(true);
            consoleAfterFirstFrame = drawn.isDone();
            ShellWindow window = new ShellWindow(context, stage, initial, ShellWindow.Mode.INTERACTIVE);
            window.onSignedOut(() -> {
                window.leaveStage();
                lastSignOut = signedOut(context);
                showSignedOut();
                ending.complete(Ending.SIGNED_OUT);
            });
            if (file != null) {
                window.open(file);
            }
            if (FirstFrameProbe.requested()) {
                FirstFrameProbe.report(stage, "console-ready", true);
            }
            return null;
        });
        return ending.join();
    }

    /**
     * Blocks while the window shows the sign-in step after a sign-out; true when the operator chose to sign in
     * (the window then shows that the console is opening), false when they closed the window. Called again after
     * a sign-in that was cancelled, it shows the step again.
     */
    public boolean awaitSignIn() {
        CompletableFuture<Boolean> choice = FxRuntime.call(() -> {
            if (closed.getCount() == 0 || lastSignOut == null) {
                return CompletableFuture.completedFuture(false);
            }
            if (signInChoice == null) {
                // the step was used by an earlier sign-in that did not open the console
                showSignedOut();
            }
            return signInChoice;
        });
        boolean signIn = choice.join();
        if (signIn) {
            FxRuntime.call(() -> {
                signInChoice = null;
                if (closed.getCount() > 0) {
                    I18n i18n = new I18n(Language.fromTag(lastSignOut.settings().language()));
                    stage.setScene(startingScene(i18n));
                    stage.setTitle(i18n.get("startup.windowTitle"));
                }
                return null;
            });
        }
        return signIn;
    }

    /** The window that sign-in dialogs belong to, so they open over it. */
    public javafx.stage.Window owner() {
        return stage;
    }

    private static SignedOut signedOut(ShellContext context) {
        SessionGuard guard = context.sessionGuard();
        UserSettings settings = context.settingsStore().load();
        if (guard == null) {
            return new SignedOut(settings, context.session().operator().displayName(), SignedOutScreen.Proof.NONE, false);
        }
        String operator = guard.session().operator().displayName();
        SignedOutScreen.Proof proof = !guard.needsSecret() ? SignedOutScreen.Proof.NONE
                : guard.weaker() ? SignedOutScreen.Proof.PASSPHRASE : SignedOutScreen.Proof.PIN;
        return new SignedOut(settings, operator, proof, guard.weaker());
    }

    /** Puts the sign-in step in the window, in the signed-out operator's language and theme; JavaFX thread. */
    private void showSignedOut() {
        CompletableFuture<Boolean> choice = new CompletableFuture<>();
        signInChoice = choice;
        I18n i18n = new I18n(Language.fromTag(lastSignOut.settings().language()));
        SignedOutScreen screen = new SignedOutScreen(i18n, lastSignOut.operator(), lastSignOut.proof(),
                lastSignOut.weaker());
        screen.signInButton().setOnAction(e -> {
            screen.busy(true);
            choice.complete(true);
        });
        screen.quitButton().setOnAction(e -> stage.hide());
        Scene scene = new Scene(screen, Math.max(stage.getWidth(), 640), Math.max(stage.getHeight(), 480));
        scene.getStylesheets().add(StartupWindow.class.getResource(ShellWindow.STYLESHEET).toExternalForm());
        Themes.apply(lastSignOut.settings().theme());
        if (Themes.isDark(lastSignOut.settings().theme())) {
            screen.getStyleClass().add("theme-dark");
        }
        stage.setScene(scene);
        stage.setTitle(i18n.get("signout.windowTitle"));
        screen.signInButton().requestFocus();
    }

    /** Shows why the console cannot start in the same window, and blocks until it is closed. */
    public void showFailure(String title, String whatHappened, String whatToDo, Throwable detail) {
        if (!closedEarly()) {
            FxRuntime.call(() -> {
                if (closedEarly()) {
                    return null;
                }
                handedOver.set(true);
                stage.setScene(ConsoleShell.startupFailureScene(title, whatHappened, whatToDo, detail, stage::hide));
                stage.setTitle(title);
                return null;
            });
            FxRuntime.awaitUninterruptibly(closed);
        }
    }

    /** Ends the toolkit once the window is done with; the process can then exit. */
    public void end() {
        Platform.exit();
    }

    /** The window; for tests. */
    Stage stage() {
        return stage;
    }

    private static Scene startingScene(I18n i18n) {
        ImageView icon = new ImageView(AppIcons.of(STARTING_ICON));
        icon.setFitWidth(96);
        icon.setPreserveRatio(true);
        Label name = new Label(i18n.get("startup.product"));
        name.setStyle("-fx-font-size: 28px; -fx-font-weight: bold;");
        Label step = new Label(i18n.get("startup.opening"));
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setPrefWidth(280);
        VBox box = new VBox(16, icon, name, step, progress);
        box.setAlignment(Pos.CENTER);
        return new Scene(box, WIDTH, HEIGHT);
    }
}
