package io.gatehouse.views.shell;

import io.gatehouse.views.common.AppIcons;
import io.gatehouse.views.common.FirstFrameProbe;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Language;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;
    private static final int STARTING_ICON = 128;

    private final Stage stage;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean closedByUser = new AtomicBoolean();
    private final AtomicBoolean handedOver = new AtomicBoolean();

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
            stage.setScene(startingScene(i18n));
            stage.setTitle(i18n.get("startup.windowTitle"));
            // the window icons (eight decoded sizes) are set by the console; one image is enough here
            stage.getIcons().setAll(AppIcons.of(STARTING_ICON));
            stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
                if (!window.handedOver.get()) {
                    window.closedByUser.set(true);
                }
                window.closed.countDown();
            });
            stage.show();
            if (FirstFrameProbe.requested()) {
                FirstFrameProbe.report(stage, "first-frame", false);
            }
            return window;
        });
    }

    /** Whether the operator closed the window before the console (or the failure screen) replaced it. */
    public boolean closedEarly() {
        return closedByUser.get();
    }

    /**
     * Turns the window into the console and blocks until the operator closes it. Returns at once
     * when the window was closed while starting.
     */
    public void openConsole(ShellContext context, Path file) {
        Objects.requireNonNull(context, "context");
        if (!closedEarly()) {
            var initial = context.settingsStore().load();
            FxRuntime.call(() -> {
                if (closedEarly()) {
                    return null;
                }
                handedOver.set(true);
                ShellWindow window = new ShellWindow(context, stage, initial, ShellWindow.Mode.INTERACTIVE);
                if (file != null) {
                    window.open(file);
                }
                if (FirstFrameProbe.requested()) {
                    FirstFrameProbe.report(stage, "console-ready", true);
                }
                return null;
            });
            FxRuntime.awaitUninterruptibly(closed);
        }
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
