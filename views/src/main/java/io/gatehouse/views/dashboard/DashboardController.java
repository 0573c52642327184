package io.gatehouse.views.dashboard;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.Tile.SkinType;
import eu.hansolo.tilesfx.TileBuilder;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.views.common.AreaController;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Shortcut;
import io.gatehouse.views.common.TimeFormat;
import io.gatehouse.views.dashboard.DashboardViewModel.Dashboard;
import io.gatehouse.views.dashboard.DashboardViewModel.RegionRow;
import io.gatehouse.views.dashboard.DashboardViewModel.SourceState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Regional dashboards area: a status line, a Pause toggle and one row of TilesFX tiles per
 * region. The view model's schedule runs only while this view is in a window's scene.
 */
public final class DashboardController implements AreaController {
    private static final double TILE_WIDTH = 100;
    private static final double TILE_HEIGHT = 96;
    private static final Color TILE_LIVE = Color.web("#24323f");
    private static final Color TILE_GREY = Color.web("#5b5f64");

    private final DashboardViewModel viewModel;
    private final I18n i18n;
    private final TimeFormat time;
    private final KpiFormat format;
    private final Map<String, Map<Kpi, Tile>> tiles = new LinkedHashMap<>();
    private final ChangeListener<Dashboard> onRefresh = (obs, before, now) -> show(now);

    @FXML private VBox root;
    @FXML private Label status;
    @FXML private ToggleButton pauseButton;
    @FXML private Label pausedNote;
    @FXML private ScrollPane scroller;
    @FXML private VBox regions;

    public DashboardController(DashboardViewModel viewModel, I18n i18n, TimeFormat time) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.time = time;
        this.format = new KpiFormat(i18n);
    }

    @FXML
    private void initialize() {
        pauseButton.selectedProperty().bindBidirectional(viewModel.pausedProperty());
        pauseButton.setGraphic(new FontIcon(Material2MZ.PAUSE));
        pausedNote.visibleProperty().bind(viewModel.pausedProperty());
        pausedNote.managedProperty().bind(viewModel.pausedProperty());
        pausedNote.setGraphic(new FontIcon(Material2MZ.PAUSE_CIRCLE_OUTLINE));
        // the schedule follows the view: it runs while the area is in a scene, and stops when another area replaces it
        root.sceneProperty().addListener((obs, before, now) -> shownIn(now));
        shownIn(root.getScene());
        show(viewModel.dashboardProperty().get());
    }

    private boolean attached;

    private void shownIn(Scene scene) {
        if (scene != null && !attached) {
            attached = true;
            viewModel.dashboardProperty().addListener(onRefresh);
            viewModel.attach();
            show(viewModel.dashboardProperty().get());
        } else if (scene == null && attached) {
            attached = false;
            viewModel.dashboardProperty().removeListener(onRefresh);
            viewModel.detach();
        }
    }

    @Override
    public List<Shortcut> shortcuts() {
        return List.of(
                new Shortcut(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), "dashboard.shortcut.pause",
                        () -> viewModel.pausedProperty().set(!viewModel.pausedProperty().get())),
                new Shortcut(new KeyCodeCombination(KeyCode.F5), "dashboard.shortcut.refresh", viewModel::refresh));
    }

    @Override
    public void focusFirst() {
        pauseButton.requestFocus();
    }

    /** Applies one refresh: the status line, then the tiles, rebuilt only when the regions change. */
    private void show(Dashboard dashboard) {
        showStatus(dashboard);
        List<String> names = dashboard.rows().stream().map(RegionRow::region).toList();
        if (!names.equals(new ArrayList<>(tiles.keySet()))) {
            buildRows(names);
        }
        boolean grey = dashboard.state() == SourceState.STALE || dashboard.state() == SourceState.DOWN;
        for (RegionRow row : dashboard.rows()) {
            tiles.get(row.region()).forEach((kpi, tile) -> update(tile, kpi, row.value(kpi), grey));
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
                text = i18n.get("dashboard.status.live", source, time.shortTime(d.checkedAt()));
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

    private void buildRows(List<String> names) {
        tiles.clear();
        regions.getChildren().clear();
        if (names.isEmpty()) {
            Label none = new Label(i18n.get("dashboard.noRegions"));
            none.getStyleClass().add("dashboard-none");
            none.setWrapText(true);
            regions.getChildren().add(none);
            return;
        }
        for (String name : names) {
            Label heading = new Label(name, new FontIcon(Material2MZ.PLACE));
            heading.getStyleClass().add("dashboard-region");
            GridPane row = new GridPane();
            row.setHgap(8);
            Map<Kpi, Tile> byKpi = new EnumMap<>(Kpi.class);
            int column = 0;
            for (Kpi kpi : Kpi.values()) {
                ColumnConstraints c = new ColumnConstraints(TILE_WIDTH, TILE_WIDTH, Double.MAX_VALUE);
                c.setHgrow(Priority.ALWAYS);
                row.getColumnConstraints().add(c);
                Tile tile = tile(kpi);
                byKpi.put(kpi, tile);
                row.add(tile, column++, 0);
            }
            tiles.put(name, byKpi);
            regions.getChildren().add(new VBox(4, heading, row));
        }
    }

    /**
     * A KPI tile. The title sits in the tile's graphic with the value, since TilesFX sizes its own
     * title by the tile's width, which is too small to read at eight tiles a row.
     */
    private Tile tile(Kpi kpi) {
        Label title = new Label(format.title(kpi));
        title.getStyleClass().add("kpi-title");
        title.setMaxWidth(Double.MAX_VALUE);
        Label value = new Label();
        value.getStyleClass().add("kpi-value");
        value.setMaxWidth(Double.MAX_VALUE);
        value.setMaxHeight(Double.MAX_VALUE);
        value.setAlignment(Pos.CENTER);
        VBox.setVgrow(value, Priority.ALWAYS);
        VBox face = new VBox(2, title, value);
        face.setFillWidth(true);
        Tile tile = TileBuilder.create()
                .skinType(SkinType.CUSTOM)
                .prefSize(TILE_WIDTH, TILE_HEIGHT)
                .minSize(TILE_WIDTH, TILE_HEIGHT)
                .maxSize(Double.MAX_VALUE, TILE_HEIGHT)
                .title("")
                .textVisible(false)
                .graphic(face)
                .backgroundColor(TILE_LIVE)
                .roundedCorners(true)
                .animated(false)
                .locale(i18n.locale())
                .build();
        tile.getStyleClass().add("kpi-tile");
        tile.setUserData(kpi);
        tile.setAccessibleText(format.title(kpi));
        return tile;
    }

    private void update(Tile tile, Kpi kpi, OptionalDouble value, boolean grey) {
        Label label = (Label) ((VBox) tile.getGraphic()).getChildren().get(1);
        label.setText(format.value(kpi, value));
        label.getStyleClass().removeAll("kpi-no-data", "kpi-grey");
        if (value.isEmpty()) {
            label.getStyleClass().add("kpi-no-data");
        }
        if (grey) {
            label.getStyleClass().add("kpi-grey");
        }
        tile.setBackgroundColor(grey ? TILE_GREY : TILE_LIVE);
    }
}
