package io.gatehouse.views.executive;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.views.shell.Area;
import io.gatehouse.views.shell.ConsoleShell;
import io.gatehouse.views.shell.ScreenshotExporter;
import io.gatehouse.views.shell.ShellContext;
import io.gatehouse.views.shell.ShellWindow;
import io.gatehouse.views.testing.TestConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Executive view area and its presentation, headless, driven by keys as a presenter would. */
class ExecutiveUiTest extends FxRobot {
    private static final Path SHOTS = Path.of(System.getProperty("java.io.tmpdir"), "exec-shots");

    @TempDir
    Path dir;

    private TestConsole console;
    private ShellWindow window;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        interact(() -> new ArrayList<>(Window.getWindows()).forEach(Window::hide));
        console.close();
    }

    private ShellContext context() {
        return console.context(true).withExecutive(currency -> ExecutiveFixtures.facts(
                currency == null ? "EUR" : currency.getCurrencyCode(), true));
    }

    @Test
    void theAreaPreviewsTheSlidesAndTheClickerKeysMoveThrough() throws Exception {
        console = new TestConsole(dir);
        List<ShellWindow> holder = new ArrayList<>();
        interact(() -> holder.add(ConsoleShell.open(context(), new Stage())));
        window = holder.getFirst();
        interact(() -> window.select(Area.EXECUTIVE_VIEW));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> !lookup("#slidePosition").queryAs(Label.class).getText().isEmpty());

        assertThat(lookup("#slidePosition").queryAs(Label.class).getText()).isEqualTo("Slide 1 of 7: Executive summary");
        type(KeyCode.PAGE_DOWN);
        assertThat(lookup("#slidePosition").queryAs(Label.class).getText()).isEqualTo("Slide 2 of 7: Regional risk");

        type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        Stage presentation = (Stage) Window.getWindows().stream().filter(w -> w != window.stage() && w.isShowing()
                && w instanceof Stage s && s.getScene().lookup("#presenterClock") != null).findFirst().orElseThrow();
        assertThat(presentation.isFullScreen()).isTrue();
        interact(presentation::requestFocus);
        for (KeyCode key : List.of(KeyCode.RIGHT, KeyCode.SPACE, KeyCode.PAGE_DOWN, KeyCode.PAGE_UP)) {
            interact(() -> presentation.getScene().getRoot().fireEvent(keyPress(key)));
        }
        assertThat(titleIn(presentation)).isEqualTo("Adversarial Friction score");
        interact(() -> presentation.getScene().getRoot().fireEvent(keyPress(KeyCode.END)));
        assertThat(titleIn(presentation)).isEqualTo("Key custody");
        interact(() -> presentation.getScene().getRoot().fireEvent(keyPress(KeyCode.HOME)));
        assertThat(titleIn(presentation)).isEqualTo("Executive summary");
        assertThat(((Label) presentation.getScene().lookup("#presenterClock")).getText()).contains("presenting for 0:00");
        interact(() -> presentation.getScene().getRoot().fireEvent(keyPress(KeyCode.ESCAPE)));
        assertThat(presentation.isShowing()).isFalse();
    }

    @Test
    void snapshotsOfTheAreaInBothThemes() throws Exception {
        console = new TestConsole(dir);
        List<Path> files = ScreenshotExporter.export(context(), dir.resolve("shots"));

        Files.createDirectories(SHOTS);
        for (Path f : files) {
            if (f.getFileName().toString().startsWith("executive-view")) {
                Files.copy(f, SHOTS.resolve("area-" + f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("executive-view-light.png", "executive-view-dark.png");
    }

    private static String titleIn(Stage stage) {
        return ((Label) stage.getScene().lookup("#slideTitle")).getText();
    }

    private static javafx.scene.input.KeyEvent keyPress(KeyCode code) {
        return new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false);
    }
}
