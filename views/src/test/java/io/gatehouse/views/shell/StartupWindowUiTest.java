package io.gatehouse.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.gatehouse.data.settings.ThemeChoice;
import io.gatehouse.data.settings.UserSettings;
import io.gatehouse.views.testing.TestConsole;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The window the user sees while the runtime opens, and what it turns into. */
class StartupWindowUiTest extends FxRobot {
    @TempDir
    Path dir;

    private TestConsole console;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void showsThatGatehouseIsStartingThenBecomesTheConsoleInTheSameWindow() throws Exception {
        StartupWindow window = StartupWindow.show();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.stage().isShowing()).isTrue();
        assertThat(lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Gatehouse", "Opening the local store and the connections\u2026");
        assertThat(lookup(".progress-bar").queryAs(ProgressBar.class).isIndeterminate()).isTrue();

        console = new TestConsole(dir);
        CompletableFuture<Void> consoleClosed = CompletableFuture.runAsync(() -> window.openConsole(console.context(), null));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.stage().getTitle().contains("Dana Lead"));
        assertThat(consoleClosed).isNotDone();

        interact(() -> window.stage().hide());
        consoleClosed.get(10, TimeUnit.SECONDS);
        assertThat(window.closedEarly()).as("closed after the console opened, not while starting").isFalse();
    }

    @Test
    void aConsoleReadyBeforeTheStartingWindowIsDrawnWaitsForItsFirstFrame() throws Exception {
        console = new TestConsole(dir);
        var context = console.context();
        // the runtime is there at once: the console is asked for before the starting window's first pulse
        StartupWindow window = StartupWindow.show();
        CompletableFuture<Void> consoleClosed = CompletableFuture.runAsync(() -> window.openConsole(context, null));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.stage().getTitle().contains("Dana Lead"));
        assertThat(window.consoleCameAfterFirstFrame()).isTrue();
        interact(() -> window.stage().hide());
        consoleClosed.get(10, TimeUnit.SECONDS);
    }

    @Test
    void whileTheRuntimeOpensTheWindowTakesTheOperatorsThemeThenBecomesTheConsole() throws Exception {
        StartupWindow window = StartupWindow.show();
        window.prepareConsole(CompletableFuture.completedFuture(UserSettings.defaults().withTheme(ThemeChoice.DARK)));
        String dark = new PrimerDark().getUserAgentStylesheet();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dark.equals(Application.getUserAgentStylesheet()));

        console = new TestConsole(dir);
        CompletableFuture<Void> consoleClosed = CompletableFuture.runAsync(() -> window.openConsole(console.context(), null));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.stage().getTitle().contains("Dana Lead"));
        assertThat(window.stage().getIcons()).as("the starting window's icon is kept, not scaled again").hasSize(1);
        interact(() -> window.stage().hide());
        consoleClosed.get(10, TimeUnit.SECONDS);
        interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @Test
    void aWindowClosedWhileStartingNeverOpensTheConsole() throws Exception {
        StartupWindow window = StartupWindow.show();
        interact(() -> window.stage().hide());
        assertThat(window.closedEarly()).isTrue();

        console = new TestConsole(dir);
        CompletableFuture.runAsync(() -> window.openConsole(console.context(), null)).get(10, TimeUnit.SECONDS);
        assertThat(window.stage().isShowing()).isFalse();
        assertThat(window.stage().getTitle()).doesNotContain("Dana Lead");
    }

    @Test
    void aFailureReplacesTheStartingScreenInTheSameWindow() throws Exception {
        StartupWindow window = StartupWindow.show();
        CompletableFuture<Void> shown = CompletableFuture.runAsync(() -> window.showFailure("The configuration is not valid",
                "gatehouse.yaml:3:1: unknown key 'x'.", "Correct the file.", null));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "The configuration is not valid".equals(window.stage().getTitle()));
        assertThat(lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("gatehouse.yaml:3:1: unknown key 'x'.");
        interact(() -> window.stage().hide());
        shown.get(10, TimeUnit.SECONDS);
    }
}
