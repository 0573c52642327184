package io.gatehouse.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.anomaly.Detection;
import io.gatehouse.data.anomaly.Signal;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.incidents.Alert;
import io.gatehouse.data.incidents.AlertState;
import io.gatehouse.data.incidents.Incident;
import io.gatehouse.data.incidents.IncidentLog;
import io.gatehouse.data.incidents.Runbooks;
import io.gatehouse.data.settings.ThemeChoice;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.views.testing.TestConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Alerts and incidents area on a real incident log, worked with the keyboard as an on-call lead would. */
class AlertsUiTest extends FxRobot {
    private static final Path SHOTS = Path.of(System.getProperty("gatehouse.shots", "target/screenshots/ui"));

    @TempDir
    Path dir;

    private TestConsole console;
    private LocalStore store;
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
        store.close();
    }

    private static Detection opened(String region, Signal signal, Instant since, Instant at, double observed,
            double expected, double confidence) {
        return new Detection(Detection.Kind.OPENED, region, signal, since, at, confidence, observed, expected);
    }

    @Test
    void alertsAreAnnouncedAndWorkedIntoIncidentsWithTheKeyboard() throws Exception {
        console = new TestConsole(dir);
        store = LocalStore.open(dir.resolve("data"));
        var context = console.context(true);
        IncidentLog log = new IncidentLog(store, new AuditLog(store, context.session(), console.clock), context.session(),
                console.clock, IncidentLog.DEFAULT_REOPEN_WINDOW, false, Runbooks.inDataDirectory(dir.resolve("data")));
        Instant now = TestConsole.NOW;
        log.record(List.of(
                opened("eu", Signal.LOGIN_FAILURES, now.minus(Duration.ofMinutes(14)), now.minus(Duration.ofMinutes(12)),
                        612, 3.4, 0.97),
                opened("north_america", Signal.DECLINES, now.minus(Duration.ofMinutes(40)), now.minus(Duration.ofMinutes(37)),
                        0.62, 0.07, 0.88)));
        Alert old = log.record(List.of(opened("brazil_latam", Signal.CHECKOUT_ERRORS, now.minus(Duration.ofHours(5)),
                now.minus(Duration.ofHours(5)).plusSeconds(180), 0.24, 0.005, 0.99))).getFirst();
        Incident done = log.openIncident(old.id(), true);
        log.contain(done.id());
        log.recover(done.id());

        List<ShellWindow> holder = new ArrayList<>();
        interact(() -> holder.add(ConsoleShell.open(context.withIncidents(log), new Stage())));
        window = holder.getFirst();
        interact(() -> window.select(Area.ALERTS_INCIDENTS));
        WaitForAsyncUtils.waitForFxEvents();

        TableView<Alert> alerts = lookup("#alertTable").queryTableView();
        assertThat(alerts.getItems()).hasSize(3);
        assertThat(texts(window.stage().getScene().getRoot())).contains("Credential stuffing", "Mean time to detect",
                "5 h 0 min", "Incident 1", "What to do", "Checkout errors: 24% where 0.5% is usual").doesNotContain("none yet");

        // a new alert while the area is open: one desktop notification, the list follows
        interact(() -> log.record(List.of(opened("japan_korea", Signal.FOREIGN_ORIGIN, now.minusSeconds(180), now,
                0.55, 0.02, 0.91))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup(".notification-card").queryAll()).hasSize(1);
        assertThat(lookup(".notification").queryAs(atlantafx.base.controls.Notification.class).getMessage())
                .startsWith("New alert: Unusual geography in japan_korea\nCheckouts from abroad: 55% where 2% is usual");
        assertThat(alerts.getItems()).hasSize(4);
        // the detail pane fits its width: its action buttons wrap rather than push a horizontal scroll bar in
        assertThat(lookup("#detailScroll").query().lookupAll(".scroll-bar").stream()
                .map(javafx.scene.control.ScrollBar.class::cast)
                .filter(bar -> bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && bar.isVisible()))
                .isEmpty();
        picture("alerts-light.png");

        interact(() -> alerts.getSelectionModel().select(alerts.getItems().stream()
                .filter(a -> a.region().equals("eu")).findFirst().orElseThrow()));
        interact(() -> alerts.requestFocus());
        type(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        Alert eu = log.alerts(10).stream().filter(a -> a.region().equals("eu")).findFirst().orElseThrow();
        assertThat(eu.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        type(KeyCode.I);
        WaitForAsyncUtils.waitForFxEvents();
        eu = log.alert(eu.id()).orElseThrow();
        assertThat(eu.state()).isEqualTo(AlertState.INCIDENT);
        type(KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(log.incidents(10).stream().filter(i -> i.region().equals("eu")).findFirst().orElseThrow().contained())
                .isNotNull();
        assertThat(lookup("#recoverButton").queryButton().isDisabled()).isFalse();
        assertThat(lookup("#containButton").queryButton().isDisabled()).isTrue();

        interact(() -> window.settings().themeProperty().set(ThemeChoice.DARK));
        interact(() -> window.select(Area.ALERTS_INCIDENTS));
        WaitForAsyncUtils.waitForFxEvents();
        picture("alerts-dark.png");
        interact(() -> window.settings().themeProperty().set(ThemeChoice.LIGHT));
    }

    @Test
    void withoutAnIncidentLogTheAreaKeepsItsEmptyState() throws Exception {
        console = new TestConsole(dir);
        store = LocalStore.open(dir.resolve("data"));
        List<ShellWindow> holder = new ArrayList<>();
        interact(() -> holder.add(ConsoleShell.open(console.context(true), new Stage())));
        window = holder.getFirst();
        interact(() -> window.select(Area.ALERTS_INCIDENTS));
        assertThat(lookup("#alertTable").tryQuery()).isEmpty();
        assertThat(lookup(".empty-icon").tryQuery()).isPresent();
    }

    private static Set<String> texts(Node root) {
        Set<String> out = new java.util.HashSet<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node node, Set<String> out) {
        if (node instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (node instanceof TableView<?> t) {
            t.lookupAll(".table-cell").stream().filter(n -> n instanceof Labeled)
                    .map(n -> ((Labeled) n).getText()).filter(java.util.Objects::nonNull).forEach(out::add);
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    private void picture(String name) throws Exception {
        Files.createDirectories(SHOTS);
        WritableImage[] image = new WritableImage[1];
        interact(() -> image[0] = window.stage().getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", SHOTS.resolve(name).toFile());
    }
}
