package io.gatehouse.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.app.wiring.ConsoleRuntime;
import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.data.health.HealthState;
import io.gatehouse.views.shell.Area;
import io.gatehouse.views.shell.ConsoleShell;
import io.gatehouse.views.shell.ShellWindow;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console as a new user gets it: no configuration, so the real sandbox starts in-process on
 * loopback, the real store opens, and the window is driven by keyboard through every area.
 */
class ConsoleOnSandboxUiTest extends FxRobot {
    @TempDir
    Path tmp;

    private ConsoleRuntime runtime;
    private ShellWindow window;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() {
        AppDirectories dirs = new AppDirectories(tmp.resolve("absent-config.yaml"), tmp.resolve("data"));
        runtime = ConsoleRuntime.open(dirs, InstantSource.system());
        List<ShellWindow> holder = new ArrayList<>();
        interact(() -> holder.add(ConsoleShell.open(runtime.shellContext(), new Stage())));
        WaitForAsyncUtils.waitForFxEvents();
        window = holder.getFirst();
    }

    @AfterEach
    void close() {
        interact(() -> window.stage().hide());
        runtime.close();
    }

    @Test
    void theSandboxIsARealHttpPeerOnLoopback() throws Exception {
        URI base = runtime.sandbox().baseUrl();
        assertThat(base.getHost()).isEqualTo("127.0.0.1");
        HttpResponse<String> cases = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.resolve("/v1/cases?limit=2")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cases.statusCode()).isEqualTo(200);
        assertThat(cases.body()).contains("\"object\"");
    }

    @Test
    void everyAreaIsReachableByKeyboardWithTheSimulatedDataBadgeAndNoRawKey() {
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        Set<String> keys = new TreeSet<>(ResourceBundle.getBundle("io.gatehouse.views.messages").keySet());
        for (int i = 0; i < digits.length; i++) {
            push(KeyCode.CONTROL, digits[i]);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(window.area()).isEqualTo(Area.values()[i]);
            Labeled badge = lookup(".sandbox-badge").queryLabeled();
            assertThat(badge.isVisible()).as("badge in " + window.area()).isTrue();
            assertThat(badge.getText()).isEqualTo("Simulated data");
            Set<String> shown = new TreeSet<>();
            collect(window.stage().getScene().getRoot(), shown);
            shown.retainAll(keys);
            assertThat(shown).as("raw bundle keys in " + window.area()).isEmpty();
        }
    }

    @Test
    void theStatusBarShowsTheSandboxConnectionsUp() throws Exception {
        // the security event stream connects in the background a moment after the console opens
        try {
            WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> {
                runtime.health().checkNow();
                return runtime.health().current().stream().allMatch(h -> h.state() == HealthState.UP);
            });
        } catch (java.util.concurrent.TimeoutException stillDown) {
            // the assertion below names the connection that stayed down
        }
        assertThat(runtime.health().current()).isNotEmpty()
                .allSatisfy(h -> assertThat(h.state()).as(h.connection() + ": " + h.detail()).isEqualTo(HealthState.UP));
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> lookup(".status-item")
                .queryAllAs(Labeled.class).stream().filter(l -> l.getText().contains(": Up since")).count() >= 3);
        assertThat(window.stage().getTitle()).contains(System.getProperty("user.name"));
    }

    private static void collect(Node node, Set<String> texts) {
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            texts.add(labeled.getText());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, texts));
        }
    }
}
