package io.gatehouse.views.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import eu.hansolo.tilesfx.Tile;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.views.shell.Area;
import io.gatehouse.views.shell.ConsoleShell;
import io.gatehouse.views.shell.ShellWindow;
import io.gatehouse.views.testing.InMemoryTelemetry;
import io.gatehouse.views.testing.TestConsole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the Regional dashboards headless on an in-memory source, as the operator would with Ctrl+2. */
class DashboardUiTest extends FxRobot {
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
        if (window != null && window.stage().isShowing()) {
            interact(() -> window.stage().hide());
        }
        console.close();
    }

    @Test
    void theAreaShowsOneRowOfTilesPerRegionAndNoDataAsSuch() throws Exception {
        console = new TestConsole(dir);
        InMemoryTelemetry source = new InMemoryTelemetry()
                .add("eu-west", Kpi.CHECKOUT_ATTEMPTS_PER_MIN, TestConsole.NOW, 42)
                .add("us-east", Kpi.ERROR_RATE, TestConsole.NOW, 0.0);
        List<ShellWindow> holder = new ArrayList<>();
        interact(() -> holder.add(ConsoleShell.open(console.context(true, source), new Stage())));
        window = holder.getFirst();
        interact(() -> window.select(Area.REGIONAL_DASHBOARDS));
        WaitForAsyncUtils.waitForFxEvents();

        Set<Tile> tiles = lookup(".kpi-tile").queryAllAs(Tile.class);
        assertThat(tiles).hasSize(2 * Kpi.values().length);
        List<String> values = lookup(".kpi-value").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(values).contains("42/min", "0.0%", "no data").doesNotContain("0/min");
        assertThat(lookup(".dashboard-region").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactlyInAnyOrder("eu-west", "us-east");
        assertThat(lookup(".sandbox-badge").queryLabeled().isVisible()).isTrue();

        source.failure = new GatehouseException(FailureKind.UPSTREAM, "connection refused");
        interact(() -> lookup(".toggle-button").queryAs(ToggleButton.class).fire());
        interact(() -> lookup(".toggle-button").queryAs(ToggleButton.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#status").queryLabeled().getText()).contains("not answering", "connection refused");
        assertThat(lookup(".kpi-grey").queryAll()).isNotEmpty();
    }

    @Test
    void withoutTelemetryTheAreaKeepsItsEmptyState() throws Exception {
        console = new TestConsole(dir);
        List<ShellWindow> holder = new ArrayList<>();
        interact(() -> holder.add(ConsoleShell.open(console.context(true), new Stage())));
        window = holder.getFirst();
        interact(() -> window.select(Area.REGIONAL_DASHBOARDS));
        assertThat(lookup(".kpi-tile").queryAll()).isEmpty();
        assertThat(lookup(".empty-icon").tryQuery()).isPresent();
    }
}
