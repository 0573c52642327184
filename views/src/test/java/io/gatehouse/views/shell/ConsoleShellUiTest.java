package io.gatehouse.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Notification;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.health.HealthProbe;
import io.gatehouse.data.health.HealthState;
import io.gatehouse.data.settings.SettingsStore;
import io.gatehouse.data.settings.ThemeChoice;
import io.gatehouse.data.settings.UserSettings;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Language;
import io.gatehouse.views.testing.TestConsole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Control;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the console headless on in-memory ports and drives it by keyboard, as an operator would. */
class ConsoleShellUiTest extends FxRobot {
    @TempDir
    Path dir;

    private TestConsole console;
    private ShellWindow window;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        console = new TestConsole(dir);
        window = openWindow();
    }

    @AfterEach
    void close() throws Exception {
        if (window.stage().isShowing()) {
            interact(() -> window.stage().hide());
        }
        console.close();
    }

    private ShellWindow openWindow() throws Exception {
        List<ShellWindow> holder = new ArrayList<>();
        interact(() -> holder.add(ConsoleShell.open(console.context(), new Stage())));
        WaitForAsyncUtils.waitForFxEvents();
        return holder.getFirst();
    }

    @Test
    void everyAreaIsReachableByKeyboardAndShowsNoRawKey() {
        assertThat(window.area()).isEqualTo(Area.REVIEW_DESK);
        I18n english = new I18n(Language.ENGLISH);
        Area[] areas = Area.values();
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < areas.length; i++) {
            push(KeyCode.CONTROL, digits[i]);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(window.area()).isEqualTo(areas[i]);
            assertThat(lookup(".area-title").queryLabeled().getText()).isEqualTo(english.get(areas[i].titleKey()));
            assertThat(lookup(".sandbox-badge").queryLabeled().isVisible()).as("badge in " + areas[i]).isTrue();
            assertThat(lookup(".sandbox-badge").queryLabeled().getText()).isEqualTo("Simulated data");
            assertNoRawKeys(window.stage().getScene());
        }
    }

    @Test
    void withoutTheSandboxThereIsNoSimulatedDataBadge() throws Exception {
        interact(() -> window.stage().hide());
        List<ShellWindow> holder = new ArrayList<>();
        interact(() -> holder.add(ConsoleShell.open(console.context(false), new Stage())));
        window = holder.getFirst();
        for (Area area : Area.values()) {
            interact(() -> window.select(area));
            assertThat(lookup(".sandbox-badge").queryLabeled().isVisible()).as(area.name()).isFalse();
        }
    }

    @Test
    void theTitleBarNamesTheOperatorAndRoles() {
        assertThat(window.stage().getTitle()).contains("Dana Lead").contains("Lead").contains("Key custodian");
        assertThat(lookup(".operator").queryLabeled().getText()).isEqualTo("Dana Lead · Lead, Key custodian");
        assertThat(window.stage().getIcons()).hasSize(8);
    }

    @Test
    void f1ListsTheShortcutsOfTheCurrentAreaAndEscapeClosesIt() {
        push(KeyCode.CONTROL, KeyCode.DIGIT7);
        push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(lookup("#shortcutOverlay").tryQuery()).isPresent();
        Set<String> texts = texts(lookup("#shortcutCard").query());
        assertThat(texts).contains("In Audit log", "Verify the chain", "Review desk", "Settings", "Show or hide this list");
        assertNoRawKeys(window.stage().getScene());

        push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#shortcutOverlay").tryQuery()).isEmpty();
    }

    @Test
    void themeAndLanguageSwitchAtRunTimeAndAreRemembered() throws Exception {
        push(KeyCode.CONTROL, KeyCode.DIGIT9);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<ThemeChoice> theme = lookup("#themeChoice").queryAs(ComboBox.class);
        interact(() -> theme.getSelectionModel().select(ThemeChoice.DARK));
        assertThat(Application.getUserAgentStylesheet()).contains("primer-dark");
        assertThat(window.stage().getScene().getRoot().getStyleClass()).contains("theme-dark");

        push(KeyCode.CONTROL, KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Application.getUserAgentStylesheet()).contains("primer-light");

        @SuppressWarnings("unchecked")
        ComboBox<Language> language = lookup("#languageChoice").queryAs(ComboBox.class);
        interact(() -> language.getSelectionModel().select(Language.GERMAN));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(lookup(".area-title").queryLabeled().getText()).isEqualTo("Einstellungen");
        assertThat(lookup(".sandbox-badge").queryLabeled().getText()).isEqualTo("Simulierte Daten");
        assertThat(window.stage().getTitle()).contains("Leitung");
        for (KeyCode digit : List.of(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9)) {
            push(KeyCode.CONTROL, digit);
            WaitForAsyncUtils.waitForFxEvents();
            assertNoRawKeys(window.stage().getScene());
        }
        push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(texts(lookup("#shortcutCard").query())).contains("Tastenkürzel");
        assertNoRawKeys(window.stage().getScene());
        push(KeyCode.ESCAPE);

        interact(() -> window.stage().hide());
        UserSettings saved = new SettingsStore(dir.resolve("config")).load();
        assertThat(saved.language()).isEqualTo("de");
        assertThat(saved.theme()).isEqualTo(ThemeChoice.LIGHT);
        assertThat(saved.lastArea()).isEqualTo(Area.SETTINGS.name());

        window = openWindow();
        assertThat(window.area()).isEqualTo(Area.SETTINGS);
        assertThat(lookup(".area-title").queryLabeled().getText()).isEqualTo("Einstellungen");
    }

    @Test
    void theStatusBarFollowsTheHealthMonitor() throws Exception {
        console.monitor.checkNow();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(statusTexts()).anyMatch(text -> text.startsWith("Telemetry: Up since"))
                .anyMatch(text -> text.startsWith("Fraud queue: Degraded since"))
                .anyMatch(text -> text.startsWith("Token: Down since"));

        java.util.List<javafx.scene.Node> entries = java.util.List.copyOf(lookup(".status-item").queryAll());

        console.telemetry.next = new HealthProbe.Result(HealthState.DOWN, "connection refused");
        console.monitor.checkNow();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> statusTexts().stream().anyMatch(text -> text.startsWith("Telemetry: Down since")));
        // each connection keeps its entry, tooltip included, and the entry follows the new state
        assertThat(lookup(".status-item").queryAll()).containsExactlyInAnyOrderElementsOf(entries);
        assertThat(lookup(".status-item").queryAllAs(Labeled.class)).anySatisfy(label -> {
            assertThat(label.getText()).startsWith("Telemetry: Down since");
            assertThat(label.getTooltip().getText()).contains("connection refused");
        });
    }

    @Test
    void theAuditLogFiltersAndVerifiesTheChain() throws Exception {
        push(KeyCode.CONTROL, KeyCode.DIGIT7);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = lookup(".table-view").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(5);

        push(KeyCode.CONTROL, KeyCode.F);
        write("alice");
        push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(2);

        push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#verifyStatus").queryLabeled().getText()).startsWith("Chain intact: 5 entries");
        picture(window.stage().getScene(), "audit-verified.png");

        console.audit.brokenAt = 3L;
        push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#verifyStatus").queryLabeled().getText()).startsWith("Chain broken at entry 3");
        picture(window.stage().getScene(), "audit-broken.png");
    }

    @Test
    void theQuestionMarkOpensTheShortcutsOutsideTextFields() {
        push(KeyCode.CONTROL, KeyCode.DIGIT8);
        WaitForAsyncUtils.waitForFxEvents();
        write('?');
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#shortcutOverlay").tryQuery()).isPresent();
        assertThat(texts(lookup("#shortcutCard").query())).contains("In Connections", "Check all connections now");
    }

    @Test
    void aSavedWindowPlacementIsRestored() throws Exception {
        interact(() -> window.stage().hide());
        SettingsStore store = new SettingsStore(dir.resolve("config"));
        store.save(store.load().withWindow(new io.gatehouse.data.settings.WindowPlacement(null, null, 1000, 700, false))
                .withLastArea(Area.CONNECTIONS.name()));

        window = openWindow();

        assertThat(window.stage().getWidth()).isEqualTo(1000);
        assertThat(window.stage().getHeight()).isEqualTo(700);
        assertThat(window.area()).isEqualTo(Area.CONNECTIONS);
        interact(() -> window.stage().hide());
        assertThat(store.load().window().width()).isEqualTo(1000);
    }

    @Test
    void errorsAppearAsInAppNotificationsWithExpandableDetail() {
        interact(() -> window.errors().report(new GatehouseException(FailureKind.LOCAL_STORE, "store is locked")));
        WaitForAsyncUtils.waitForFxEvents();

        Parent layer = lookup("#notifications").queryAs(Parent.class);
        assertThat(layer.getChildrenUnmodifiable()).hasSize(1);
        assertThat(texts(layer)).anyMatch(text -> text.contains("The local store failed")).contains("Technical detail");
        picture(window.stage().getScene(), "notification.png");
    }

    @Test
    void anExceptionNobodyCaughtOnTheFxThreadBecomesANotification() throws Exception {
        javafx.application.Platform.runLater(() -> {
            throw new IllegalStateException("a bug in an event handler");
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> texts(lookup("#notifications").queryAs(Parent.class)).stream().anyMatch(t -> t.contains("Something went wrong")));
    }

    @Test
    void theStartupFailureScreenSaysWhatHappenedAndWhatToDo() throws Exception {
        List<Stage> holder = new ArrayList<>();
        interact(() -> {
            Stage stage = new Stage();
            stage.setScene(ConsoleShell.startupFailureScene("The configuration is not valid",
                    "Line 12, column 3: unknown key 'telemetyr'.", "Correct the key in gatehouse.yaml and start again.",
                    new IllegalArgumentException("unknown key"), stage::hide));
            stage.show();
            holder.add(stage);
        });
        Set<String> texts = texts(holder.getFirst().getScene().getRoot());
        assertThat(texts).contains("The configuration is not valid", "What happened", "What to do",
                "Correct the key in gatehouse.yaml and start again.", "Technical detail", "Close");
        assertNoRawKeys(holder.getFirst().getScene());
        picture(holder.getFirst().getScene(), "startup-failure.png");
        interact(() -> holder.getFirst().hide());
    }

    /** Writes a picture for a person to look at after the build; the tests do not compare pixels. */
    private void picture(Scene scene, String name) {
        try {
            Path out = Path.of("target/screenshots/ui");
            java.nio.file.Files.createDirectories(out);
            javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
            interact(() -> image[0] = scene.snapshot(null));
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image[0], null), "png", out.resolve(name).toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> statusTexts() {
        return lookup(".status-item").queryAllAs(Labeled.class).stream().map(Labeled::getText).toList();
    }

    /** Fails when any control shows a bundle key instead of its message. */
    static void assertNoRawKeys(Scene scene) {
        Set<String> keys = new TreeSet<>(ResourceBundle.getBundle(I18n.BUNDLE).keySet());
        Set<String> shown = texts(scene.getRoot());
        Set<String> raw = new TreeSet<>(shown);
        raw.retainAll(keys);
        assertThat(raw).as("raw bundle keys on screen").isEmpty();
        assertThat(shown).as("unresolved %key").noneMatch(text -> text.startsWith("%"));
    }

    static Set<String> texts(Node root) {
        Set<String> texts = new TreeSet<>();
        collect(root, texts);
        return texts;
    }

    private static void collect(Node node, Set<String> texts) {
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            texts.add(labeled.getText());
        }
        if (node instanceof Text text) {
            addIfPresent(texts, text.getText());
        }
        if (node instanceof Notification notification) {
            addIfPresent(texts, notification.getMessage());
        }
        if (node instanceof TextInputControl input) {
            addIfPresent(texts, input.getText());
            addIfPresent(texts, input.getPromptText());
        }
        if (node instanceof TableView<?> table) {
            for (TableColumnBase<?, ?> column : table.getColumns()) {
                addIfPresent(texts, column.getText());
            }
        }
        if (node instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                addIfPresent(texts, tab.getText());
            }
        }
        if (node instanceof Control control) {
            if (control.getTooltip() != null) {
                addIfPresent(texts, control.getTooltip().getText());
            }
            if (control.getContextMenu() != null) {
                for (MenuItem item : control.getContextMenu().getItems()) {
                    addIfPresent(texts, item.getText());
                }
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, texts);
            }
        }
    }

    private static void addIfPresent(Set<String> texts, String text) {
        if (text != null && !text.isEmpty()) {
            texts.add(text);
        }
    }
}
