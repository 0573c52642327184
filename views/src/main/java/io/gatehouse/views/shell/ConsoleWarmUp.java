package io.gatehouse.views.shell;

import io.gatehouse.data.settings.ThemeChoice;
import io.gatehouse.views.common.FxmlView;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Themes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Pane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Prepares the JavaFX side of the console while its runtime opens on another thread. The starting window is on
 * screen by then and the JavaFX thread would wait idle for about a second; instead it loads the main window's and
 * the review desk's FXML (without controllers: their nodes and style classes are what matter), applies the
 * operator's theme, and styles and lays them out off screen with a filled navigation list and table. The console
 * then builds the same kinds of nodes with its stylesheets parsed, the skins' classes initialised and the hot
 * styling code compiled, and draws its first frame markedly sooner.
 *
 * <p>Each step is its own event on the JavaFX thread, so the starting window keeps animating between them, and
 * the steps left are dropped as soon as the console (or a failure screen) takes the window.
 */
final class ConsoleWarmUp {
    private static final System.Logger LOG = System.getLogger(ConsoleWarmUp.class.getName());
    private static final int ROWS = 40;

    private final I18n i18n;
    private final ThemeChoice theme;
    private final BooleanSupplier wanted;
    private final Deque<Runnable> steps = new ArrayDeque<>();
    private Parent root;
    private Scene scene;

    private ConsoleWarmUp(I18n i18n, ThemeChoice theme, BooleanSupplier wanted) {
        this.i18n = i18n;
        this.theme = theme;
        this.wanted = wanted;
        steps.add(this::applyTheme);
        steps.add(this::load);
        steps.add(this::style);
        steps.add(this::fill);
        steps.add(this::style);
    }

    /** Starts the steps; call on the JavaFX thread. {@code wanted} turns false once the window is handed over. */
    static void start(I18n i18n, ThemeChoice theme, BooleanSupplier wanted) {
        new ConsoleWarmUp(i18n, theme, wanted).next();
    }

    /** Runs every step at once and returns what they built; for tests, which see a failure the warm-up only logs. */
    static Parent runNow(I18n i18n, ThemeChoice theme) {
        ConsoleWarmUp warmUp = new ConsoleWarmUp(i18n, theme, () -> true);
        for (Runnable step = warmUp.steps.poll(); step != null; step = warmUp.steps.poll()) {
            step.run();
        }
        return warmUp.root;
    }

    private void next() {
        Runnable step = steps.poll();
        if (step == null || !wanted.getAsBoolean()) {
            root = null;
            scene = null;
            return;
        }
        try {
            step.run();
        } catch (RuntimeException e) {
            // only a head start: the console builds everything again and reports its own failures
            LOG.log(System.Logger.Level.DEBUG, "console warm-up stopped early", e);
            steps.clear();
        }
        Platform.runLater(this::next);
    }

    private void applyTheme() {
        // the console sets the same user-agent stylesheet again; JavaFX keeps the parsed one when it is unchanged
        Themes.apply(theme);
    }

    private void load() {
        Parent main = loadWithoutController(FxmlView.MAIN_WINDOW);
        Parent desk = loadWithoutController(FxmlView.REVIEW_DESK);
        if (main.lookup("#areaContent") instanceof Pane content) {
            content.getChildren().add(desk);
        }
        if (Themes.isDark(theme)) {
            main.getStyleClass().add("theme-dark");
        }
        root = main;
        scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(ConsoleWarmUp.class.getResource(ShellWindow.STYLESHEET).toExternalForm());
    }

    private void style() {
        root.applyCss();
        root.layout();
    }

    @SuppressWarnings("unchecked")
    private void fill() {
        if (root.lookup("#navigation") instanceof ListView<?> list) {
            ListView<Area> navigation = (ListView<Area>) list;
            navigation.setCellFactory(view -> new ListCell<>() {
                @Override
                protected void updateItem(Area area, boolean empty) {
                    super.updateItem(area, empty);
                    setText(empty || area == null ? null : i18n.get(area.titleKey()));
                    setGraphic(empty || area == null ? null : new FontIcon(area.icon()));
                }
            });
            navigation.getItems().setAll(Area.values());
        }
        if (root.lookup("#table") instanceof TableView<?> found) {
            TableView<Integer> table = (TableView<Integer>) found;
            for (TableColumn<Integer, ?> column : table.getColumns()) {
                ((TableColumn<Integer, String>) column).setCellValueFactory(
                        row -> new ReadOnlyStringWrapper(column.getText() + " " + row.getValue()));
            }
            for (int i = 0; i < ROWS; i++) {
                table.getItems().add(i);
            }
        }
    }

    private Parent loadWithoutController(FxmlView view) {
        FXMLLoader loader = new FXMLLoader(ConsoleWarmUp.class.getResource(view.resource()), i18n.bundle());
        // the files name their controllers; a bare object takes their place, so nothing is injected or run
        loader.setControllerFactory(type -> new Object());
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
