package io.gatehouse.views.dashboard;

import io.gatehouse.views.common.AreaController;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Shortcut;
import io.gatehouse.views.common.TimeFormat;
import io.gatehouse.views.dashboard.DashboardViewModel.Dashboard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Regional dashboards area: a status line, the time range, refresh interval and Pause, then
 * either the world view ({@link DashboardBoard}) or one region in detail ({@link RegionDetail}).
 * The view model's schedule runs only while this view is in a window's scene.
 */
public final class DashboardController implements AreaController {
    private final DashboardViewModel viewModel;
    private final I18n i18n;
    private final TimeFormat time;
    private final DashboardBoard board;
    private final RegionDetail detail;
    private final ChangeListener<Dashboard> onRefresh = (obs, before, now) -> show(now);
    private final ChangeListener<String> onDrill = (obs, before, now) -> showPlace();

    @FXML private VBox root;
    @FXML private Label status;
    @FXML private ComboBox<TimeRange> rangeChoice;
    @FXML private ComboBox<RefreshInterval> intervalChoice;
    @FXML private ToggleButton pauseButton;
    @FXML private Label pausedNote;
    @FXML private ScrollPane scroller;
    @FXML private StackPane content;

    public DashboardController(DashboardViewModel viewModel, I18n i18n, TimeFormat time) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.time = time;
        this.board = new DashboardBoard(i18n, time);
        this.detail = new RegionDetail(i18n, time, viewModel::back);
        board.setOnDrill(viewModel::drillDown);
    }

    @FXML
    private void initialize() {
        pauseButton.selectedProperty().bindBidirectional(viewModel.pausedProperty());
        pauseButton.setGraphic(new FontIcon(Material2MZ.PAUSE));
        pausedNote.visibleProperty().bind(viewModel.pausedProperty());
        pausedNote.managedProperty().bind(viewModel.pausedProperty());
        pausedNote.setGraphic(new FontIcon(Material2MZ.PAUSE_CIRCLE_OUTLINE));
        choices(rangeChoice, TimeRange.values(), this::rangeName);
        rangeChoice.valueProperty().bindBidirectional(viewModel.timeRangeProperty());
        choices(intervalChoice, RefreshInterval.values(), this::intervalName);
        intervalChoice.valueProperty().bindBidirectional(viewModel.refreshIntervalProperty());
        // the schedule follows the view: it runs while the area is in a scene, and stops when another area replaces it
        root.sceneProperty().addListener((obs, before, now) -> shownIn(now));
        shownIn(root.getScene());
        showPlace();
    }

    private static <T> void choices(ComboBox<T> box, T[] values, java.util.function.Function<T, String> name) {
        box.getItems().setAll(values);
        StringConverter<T> converter = new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
        box.setConverter(converter);
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : name.apply(item));
            }
        });
    }

    private String rangeName(TimeRange range) {
        return i18n.get(switch (range) {
            case MINUTES_15 -> "dashboard.range.minutes15";
            case HOUR_1 -> "dashboard.range.hour1";
            case HOURS_6 -> "dashboard.range.hours6";
            case HOURS_24 -> "dashboard.range.hours24";
            case DAYS_7 -> "dashboard.range.days7";
        });
    }

    private String intervalName(RefreshInterval interval) {
        return every(interval.every());
    }

    private String every(Duration d) {
        return d.toSeconds() < 60 ? i18n.get("dashboard.interval.seconds", d.toSeconds())
                : i18n.get("dashboard.interval.minutes", d.toMinutes());
    }

    private boolean attached;

    private void shownIn(Scene scene) {
        if (scene != null && !attached) {
            attached = true;
            viewModel.dashboardProperty().addListener(onRefresh);
            viewModel.drilledRegionProperty().addListener(onDrill);
            viewModel.attach();
            show(viewModel.dashboardProperty().get());
        } else if (scene == null && attached) {
            attached = false;
            viewModel.dashboardProperty().removeListener(onRefresh);
            viewModel.drilledRegionProperty().removeListener(onDrill);
            viewModel.detach();
        }
    }

    @Override
    public List<Shortcut> shortcuts() {
        List<Shortcut> list = new ArrayList<>(List.of(
                new Shortcut(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), "dashboard.shortcut.pause",
                        () -> viewModel.pausedProperty().set(!viewModel.pausedProperty().get())),
                new Shortcut(new KeyCodeCombination(KeyCode.F5), "dashboard.shortcut.refresh", viewModel::refresh),
                Shortcut.listed(new KeyCodeCombination(KeyCode.ENTER), "dashboard.shortcut.drill"),
                new Shortcut(new KeyCodeCombination(KeyCode.ESCAPE), "dashboard.shortcut.back", this::back)));
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5};
        TimeRange[] ranges = TimeRange.values();
        for (int i = 0; i < ranges.length; i++) {
            TimeRange range = ranges[i];
            list.add(new Shortcut(new KeyCodeCombination(digits[i], KeyCombination.ALT_DOWN),
                    rangeShortcutKey(range),
                    () -> viewModel.timeRangeProperty().set(range)));
        }
        list.add(new Shortcut(new KeyCodeCombination(KeyCode.R, KeyCombination.ALT_DOWN), "dashboard.shortcut.interval",
                this::nextInterval));
        return List.copyOf(list);
    }

    private static String rangeShortcutKey(TimeRange range) {
        return switch (range) {
            case MINUTES_15 -> "dashboard.shortcut.range.minutes15";
            case HOUR_1 -> "dashboard.shortcut.range.hour1";
            case HOURS_6 -> "dashboard.shortcut.range.hours6";
            case HOURS_24 -> "dashboard.shortcut.range.hours24";
            case DAYS_7 -> "dashboard.shortcut.range.days7";
        };
    }

    private void nextInterval() {
        RefreshInterval[] all = RefreshInterval.values();
        viewModel.refreshIntervalProperty().set(all[(viewModel.refreshIntervalProperty().get().ordinal() + 1) % all.length]);
    }

    private void back() {
        if (viewModel.drilledRegionProperty().get() != null) {
            viewModel.back();
        }
    }

    @Override
    public void focusFirst() {
        pauseButton.requestFocus();
    }

    /** Swaps between the world view and the drill-down. */
    private void showPlace() {
        String region = viewModel.drilledRegionProperty().get();
        if (region == null) {
            content.getChildren().setAll(board.node());
            board.show(viewModel.dashboardProperty().get());
        } else {
            content.getChildren().setAll(detail.node());
            detail.show(region, viewModel.drilledRow());
            detail.focus();
        }
        scroller.setVvalue(0);
    }

    /** Applies one refresh: the status line, then the world view or the drill-down. */
    private void show(Dashboard dashboard) {
        showStatus(dashboard);
        String region = viewModel.drilledRegionProperty().get();
        if (region == null) {
            board.show(dashboard);
        } else {
            detail.show(region, dashboard.row(region));
        }
    }

    private void showStatus(Dashboard d) {
        String source = viewModel.sourceName();
        status.getStyleClass().removeAll("health-up", "health-degraded", "health-down");
        String text;
        FontIcon icon;
        String style;
        switch (d.state()) {
            case WAITING -> {
                text = i18n.get("dashboard.status.waiting", source);
                icon = new FontIcon(Material2MZ.SCHEDULE);
                style = null;
            }
            case LIVE -> {
                text = i18n.get("dashboard.status.liveEvery", source, time.shortTime(d.checkedAt()), every(d.refreshEvery()));
                icon = new FontIcon(Material2AL.CHECK_CIRCLE);
                style = "health-up";
            }
            case NO_DATA -> {
                text = i18n.get("dashboard.status.noData", source, time.shortTime(d.checkedAt()));
                icon = new FontIcon(Material2AL.HELP_OUTLINE);
                style = null;
            }
            case STALE -> {
                text = i18n.get("dashboard.status.stale", source, time.dateTime(d.dataAt()));
                icon = new FontIcon(Material2MZ.WARNING);
                style = "health-degraded";
            }
            case DOWN -> {
                text = d.rows().isEmpty()
                        ? i18n.get("dashboard.status.downNoValues", source, d.problem())
                        : i18n.get("dashboard.status.down", source, d.problem(), time.dateTime(d.dataAt()));
                icon = new FontIcon(Material2AL.BLOCK);
                style = "health-down";
            }
            default -> throw new IllegalStateException("unknown state " + d.state());
        }
        if (style != null) {
            status.getStyleClass().add(style);
            icon.getStyleClass().add(style);
        }
        status.setText(text);
        status.setGraphic(icon);
    }
}
