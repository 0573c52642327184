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
        assertThat(tiles).hasSize(2 * DashboardViewModel.TILE_KPIS.size());
        List<String> values = lookup(".kpi-value").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(values).contains("42/min", "0.0%", "no data").doesNotContain("0/min");
        assertThat(lookup(".dashboard-region").queryAllAs(javafx.scene.control.Button.class))
                .extracting(javafx.scene.control.Button::getText)
                .containsExactlyInAnyOrder("eu-west \u00b7 risk No data", "us-east \u00b7 risk Low");
        assertThat(lookup(".sandbox-badge").queryLabeled().isVisible()).isTrue();

        source.failure = new GatehouseException(FailureKind.UPSTREAM, "connection refused");
        interact(() -> lookup(".toggle-button").queryAs(ToggleButton.class).fire());
        interact(() -> lookup(".toggle-button").queryAs(ToggleButton.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#status").queryLabeled().getText()).contains("not answering", "connection refused");
        assertThat(lookup(".kpi-grey").queryAll()).isNotEmpty();
    }

    @Test
    void theWorldViewOpensARegionWithAClickAndEnterAndClosesWithEsc() throws Exception {
        console = new TestConsole(dir);
        java.time.Instant now = TestConsole.NOW;
        InMemoryTelemetry source = new InMemoryTelemetry();
        for (String region : List.of("eu", "north_america", "india")) {
            source.add(region, Kpi.CHECKOUT_ATTEMPTS_PER_MIN, now, 640)
                    .add(region, Kpi.AUTHORISATION_RATE, now, 0.962)
                    .add(region, Kpi.FRAUD_FLAG_RATE, now, region.equals("india") ? 0.02 : 0.006)
                    .add(region, Kpi.ERROR_RATE, now, 0.003)
                    .add(region, Kpi.DECLINE_RATE_BY_REASON, "insufficient_funds", now, 0.021)
                    .add(region, Kpi.DECLINE_RATE_BY_REASON, "do_not_honor", now, 0.009)
                    .add(region, Kpi.CHECKOUT_ATTEMPTS_BY_RAIL, "card", now, 400)
                    .add(region, Kpi.CHECKOUT_ATTEMPTS_BY_RAIL, "wallet", now, 240)
                    .addSeries(region, Kpi.CHECKOUT_ATTEMPTS_PER_MIN, "", now, java.time.Duration.ofMinutes(1),
                            600, 620, 610, 650, 700, 640);
        }
        // the login failures stopped answering ten minutes ago
        source.add("eu", Kpi.LOGIN_FAILURES_PER_MIN, now.minus(java.time.Duration.ofMinutes(10)), 12);
        List<ShellWindow> holder = new ArrayList<>();
        interact(() -> holder.add(ConsoleShell.open(console.context(true, source), new Stage())));
        window = holder.getFirst();
        interact(() -> window.select(Area.REGIONAL_DASHBOARDS));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(lookup(".dashboard-map").tryQuery()).isPresent();
        assertThat(((javafx.scene.image.ImageView) lookup(".dashboard-map").query()).getImage()).isNotNull();
        assertThat(lookup(".dashboard-chip").queryAll()).hasSize(3);
        assertThat(lookup(".kpi-note").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("top: insufficient funds 2.1%")
                .anyMatch(text -> text.matches("stale since 6:50\\hPM"));
        assertThat(lookup(".kpi-sparkline").queryAllAs(Sparkline.class)).anyMatch(s -> s.pointCount() == 6);
        assertThat(lookup(".dashboard-region").queryAllAs(javafx.scene.control.Button.class))
                .extracting(javafx.scene.control.Button::getText).contains("india \u00b7 risk Elevated");

        clickOn("india \u00b7 risk Elevated");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup(".dashboard-detail-title").queryLabeled().getText()).isEqualTo("india \u00b7 risk Elevated");
        assertThat(texts()).contains("Card: 400/min (62.5%)", "Countries: IN. Currencies: INR.",
                "insufficient funds: 2.1%", "No live alert for this region.");
        type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup(".dashboard-detail").tryQuery()).isEmpty();

        interact(() -> lookup(".dashboard-region").queryAllAs(javafx.scene.control.Button.class).stream()
                .filter(b -> b.getText().startsWith("eu")).findFirst().orElseThrow().requestFocus());
        type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup(".dashboard-detail-title").queryLabeled().getText()).startsWith("eu");
        assertThat(texts()).contains("Countries: DE, FR, NL, BE, LU, IT, ES, PT, AT, IE, DK, SE, FI, PL, CZ, SK, HU, SI, HR, RO,"
                + " BG, GR, CY, MT, EE, LV, LT. Currencies: CZK, DKK, EUR, HUF, PLN, RON, SEK.");
        type(javafx.scene.input.KeyCode.ESCAPE);

        // Alt+5: seven days; the range reaches the queries
        source.rangeAsks.clear();
        press(javafx.scene.input.KeyCode.ALT).type(javafx.scene.input.KeyCode.DIGIT5).release(javafx.scene.input.KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(source.rangeAsks).isNotEmpty()
                .allSatisfy(ask -> assertThat(ask.start()).isEqualTo(now.minus(java.time.Duration.ofDays(7))));
        assertThat(lookup("#rangeChoice").queryComboBox().getValue()).isEqualTo(TimeRange.DAYS_7);
    }

    private java.util.Set<String> texts() {
        return lookup(".label").queryAllAs(Label.class).stream().map(Label::getText)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
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
