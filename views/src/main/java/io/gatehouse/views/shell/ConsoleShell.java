package io.gatehouse.views.shell;

import io.gatehouse.data.settings.ThemeChoice;
import io.gatehouse.data.settings.UserSettings;
import io.gatehouse.views.common.AppIcons;
import io.gatehouse.views.common.FxmlLoaderFactory;
import io.gatehouse.views.common.FxmlView;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Language;
import io.gatehouse.views.common.Themes;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** The entry points the application calls: the console itself, and the start-up failure screen. */
public final class ConsoleShell {
    private ConsoleShell() {
    }

    /**
     * Starts JavaFX, opens the console and blocks until the operator closes it; then ends the JavaFX
     * toolkit. Call from the main thread of a plain (non-Application) main class. The health monitor
     * is started here and stopped on close; the caller still owns and shuts down its executors.
     */
    public static void launch(ShellContext context) {
        launch(context, null);
    }

    /** As {@link #launch(ShellContext)}, then opens {@code file} (an assessment or catalogue) when it is not null. */
    public static void launch(ShellContext context, java.nio.file.Path file) {
        Objects.requireNonNull(context, "context");
        UserSettings initial = context.settingsStore().load();
        FxRuntime.startIfNeeded();
        CountDownLatch closed = new CountDownLatch(1);
        FxRuntime.call(() -> {
            Stage stage = new Stage();
            ShellWindow window = new ShellWindow(context, stage, initial, ShellWindow.Mode.INTERACTIVE);
            // Added after the window's own handler, so its settings are saved before JavaFX ends.
            stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> closed.countDown());
            stage.show();
            if (file != null) {
                window.open(file);
            }
            if (io.gatehouse.views.common.FirstFrameProbe.requested()) {
                io.gatehouse.views.common.FirstFrameProbe.attach(stage);
            }
            return null;
        });
        FxRuntime.awaitUninterruptibly(closed);
        Platform.exit();
    }

    /**
     * Opens the console on a stage the caller provides, on the JavaFX thread; for tests and for
     * embedding. Settings are read from the context's store on this thread.
     */
    public static ShellWindow open(ShellContext context, Stage stage) {
        Objects.requireNonNull(context, "context");
        ShellWindow window = new ShellWindow(context, stage, context.settingsStore().load(), ShellWindow.Mode.INTERACTIVE);
        stage.show();
        return window;
    }

    /**
     * Shows a clear screen instead of a stack trace when the console cannot start (a bad
     * configuration, a locked store, a missing JDK feature) and blocks until it is closed. The texts
     * come from the caller; headings and buttons follow the desktop's language.
     *
     * @param detail the technical cause, shown collapsed; may be null
     */
    public static void showStartupFailure(String title, String whatHappened, String whatToDo, Throwable detail) {
        FxRuntime.startIfNeeded();
        CountDownLatch closed = new CountDownLatch(1);
        FxRuntime.call(() -> {
            Stage stage = new Stage();
            stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> closed.countDown());
            stage.setScene(startupFailureScene(title, whatHappened, whatToDo, detail, stage::hide));
            stage.setTitle(title);
            stage.getIcons().setAll(AppIcons.all());
            stage.show();
            return null;
        });
        FxRuntime.awaitUninterruptibly(closed);
        Platform.exit();
    }

    /** The failure screen as a scene; must be called on the JavaFX thread. */
    static Scene startupFailureScene(String title, String whatHappened, String whatToDo, Throwable detail, Runnable close) {
        Themes.apply(ThemeChoice.SYSTEM);
        I18n i18n = new I18n(Language.fromTag(Locale.getDefault().getLanguage()));
        Parent root = new FxmlLoaderFactory(i18n, Map.of(StartupFailureController.class,
                () -> new StartupFailureController(title, whatHappened, whatToDo, detail, close)))
                .load(FxmlView.STARTUP_FAILURE);
        Scene scene = new Scene(root);
        scene.getStylesheets().add(ConsoleShell.class.getResource(ShellWindow.STYLESHEET).toExternalForm());
        return scene;
    }
}
