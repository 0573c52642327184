package io.gatehouse.views.dashboard;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.Tile.SkinType;
import eu.hansolo.tilesfx.TileBuilder;
import io.gatehouse.data.executive.RiskLevel;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.TimeFormat;
import io.gatehouse.views.common.WorldMapPicture;
import io.gatehouse.views.dashboard.DashboardViewModel.Dashboard;
import io.gatehouse.views.dashboard.DashboardViewModel.SourceState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The world view's nodes: the TilesFX world map coloured by regional risk with its legend, then
 * one row of KPI tiles per region. {@link #show} applies a whole refresh in one pass on the UI
 * thread; tiles are built once per set of regions and only their texts, colours and sparklines
 * change afterwards. The map picture is redrawn only when a region's risk changes.
 */
public final class DashboardBoard {
    private static final double TILE_WIDTH = 100;
    private static final double TILE_HEIGHT = 112;
    private static final double MAP_WIDTH = 400;
    static final Color TILE_LIVE = Color.web("#24323f");
    static final Color TILE_GREY = Color.web("#5b5f64");
    /** Characters beyond which a value is set smaller. */
    private static final int LONG_VALUE = 8;
    private static final Color MAP_LAND = Color.web("#4a5b6b");

    private final I18n i18n;
    private final TimeFormat time;
    private final KpiFormat format;
    private final VBox root = new VBox(14);
    private final ImageView map = new ImageView();
    private final FlowPane chips = new FlowPane(6, 6);
    private final VBox rows = new VBox(14);
    private final Map<String, Map<Kpi, Tile>> tiles = new LinkedHashMap<>();
    private final Map<String, Button> headings = new LinkedHashMap<>();
    private Map<String, RiskLevel> drawnRisks;
    private Consumer<String> onDrill = region -> { };

    public DashboardBoard(I18n i18n, TimeFormat time) {
        this.i18n = i18n;
        this.time = time;
        this.format = new KpiFormat(i18n);
        root.getStyleClass().add("dashboard-regions");
        map.setPreserveRatio(true);
        map.setSmooth(true);
        map.setFitWidth(MAP_WIDTH);
        map.getStyleClass().add("dashboard-map");
        map.setAccessibleText(i18n.get("dashboard.map.title"));
        Label mapTitle = new Label(i18n.get("dashboard.map.title"));
        mapTitle.getStyleClass().add("dashboard-section");
        Label hint = new Label(i18n.get("dashboard.map.hint"));
        hint.getStyleClass().add("dashboard-hint");
        hint.setWrapText(true);
        chips.setPrefWrapLength(300);
        VBox side = new VBox(8, mapTitle, legend(), chips, hint);
        side.setMinWidth(220);
        HBox.setHgrow(side, Priority.ALWAYS);
        HBox world = new HBox(16, map, side);
        world.getStyleClass().add("dashboard-world");
        root.getChildren().addAll(world, rows);
    }

    /** The nodes to place in the area. */
    public Node node() {
        return root;
    }

    /** What to do when the operator picks a region (click or Enter on its heading or map chip). */
    public void setOnDrill(Consumer<String> action) {
        this.onDrill = action;
    }

    /** Applies one refresh. Call on the UI thread. */
    public void show(Dashboard dashboard) {
        List<String> names = dashboard.rows().stream().map(RegionRow::region).toList();
        if (!names.equals(new ArrayList<>(tiles.keySet()))) {
            buildRows(names);
        }
        Map<String, RiskLevel> risks = new LinkedHashMap<>();
        dashboard.rows().forEach(r -> risks.put(r.region(), r.risk()));
        if (!risks.equals(drawnRisks)) {
            drawMap(risks);
        }
        boolean down = dashboard.state() == SourceState.DOWN || dashboard.state() == SourceState.STALE;
        Instant from = dashboard.checkedAt() == null ? Instant.EPOCH : dashboard.checkedAt().minus(dashboard.range().span());
        Instant to = dashboard.checkedAt() == null ? Instant.EPOCH : dashboard.checkedAt();
        for (RegionRow row : dashboard.rows()) {
            Button heading = headings.get(row.region());
            heading.setText(i18n.get("dashboard.region.heading", row.region(), RiskLook.name(i18n, row.risk()),
                    row.indicators().size()));
            setRiskClass(heading, row.risk());
            tiles.get(row.region()).forEach((kpi, tile) -> update(tile, kpi, row, down, dashboard.dataAt(), from, to));
        }
    }

    private void drawMap(Map<String, RiskLevel> risks) {
        drawnRisks = Map.copyOf(risks);
        Map<String, Color> colours = new LinkedHashMap<>();
        risks.forEach((region, level) -> colours.put(region, RiskLook.colour(level)));
        map.setImage(WorldMapPicture.draw(colours, MAP_LAND, TILE_LIVE));
        chips.getChildren().clear();
        risks.forEach((region, level) -> {
            Button chip = new Button(region, swatch(level));
            chip.setMnemonicParsing(false); // region labels such as brazil_latam keep their underscore
            chip.getStyleClass().addAll("dashboard-chip", RiskLook.styleClass(level));
            chip.setOnAction(e -> onDrill.accept(region));
            chip.setAccessibleText(i18n.get("dashboard.region.open", region, RiskLook.name(i18n, level)));
            chips.getChildren().add(chip);
        });
    }

    private Node legend() {
        HBox legend = new HBox(10);
        legend.getStyleClass().add("dashboard-legend");
        for (RiskLevel level : List.of(RiskLevel.LOW, RiskLevel.ELEVATED, RiskLevel.HIGH, RiskLevel.UNKNOWN)) {
            Label entry = new Label(RiskLook.name(i18n, level), swatch(level));
            entry.getStyleClass().add("dashboard-legend-entry");
            legend.getChildren().add(entry);
        }
        return legend;
    }

    private static Rectangle swatch(RiskLevel level) {
        Rectangle r = new Rectangle(12, 12, RiskLook.colour(level));
        r.setArcWidth(3);
        r.setArcHeight(3);
        return r;
    }

    private static void setRiskClass(Node node, RiskLevel level) {
        for (RiskLevel l : RiskLevel.values()) {
            toggle(node, RiskLook.styleClass(l), l == level);
        }
    }

    /**
     * Adds or removes a style class only when that changes anything: touching the list, even to put
     * back the same class, makes JavaFX apply CSS to the node again, which sixty-four tiles a
     * refresh cannot afford.
     */
    private static void toggle(Node node, String styleClass, boolean on) {
        boolean has = node.getStyleClass().contains(styleClass);
        if (on && !has) {
            node.getStyleClass().add(styleClass);
        } else if (!on && has) {
            node.getStyleClass().remove(styleClass);
        }
    }

    private void buildRows(List<String> names) {
        tiles.clear();
        headings.clear();
        rows.getChildren().clear();
        if (names.isEmpty()) {
            Label none = new Label(i18n.get("dashboard.noRegions"));
            none.getStyleClass().add("dashboard-none");
            none.setWrapText(true);
            rows.getChildren().add(none);
            return;
        }
        for (String name : names) {
            Button heading = new Button(name, new FontIcon(Material2MZ.PLACE));
            heading.setMnemonicParsing(false);
            heading.getStyleClass().addAll("dashboard-region", "flat");
            heading.setOnAction(e -> onDrill.accept(name));
            // Enter opens the region as a click does (a plain button only answers Space)
            heading.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    e.consume();
                    onDrill.accept(name);
                }
            });
            GridPane row = new GridPane();
            row.setHgap(8);
            Map<Kpi, Tile> byKpi = new EnumMap<>(Kpi.class);
            int column = 0;
            for (Kpi kpi : DashboardViewModel.TILE_KPIS) {
                ColumnConstraints c = new ColumnConstraints(TILE_WIDTH, TILE_WIDTH, Double.MAX_VALUE);
                c.setHgrow(Priority.ALWAYS);
                row.getColumnConstraints().add(c);
                Tile tile = tile(kpi);
                byKpi.put(kpi, tile);
                row.add(tile, column++, 0);
            }
            tiles.put(name, byKpi);
            headings.put(name, heading);
            VBox block = new VBox(4, heading, row);
            block.getStyleClass().add("dashboard-row");
            rows.getChildren().add(block);
        }
    }

    /**
     * A KPI tile. The title sits in the tile's graphic with the value, a note line (the top decline
     * reason, or since when the value is stale) and the sparkline, since TilesFX sizes its own
     * title by the tile's width, which is too small to read at eight tiles a row.
     */
    private Tile tile(Kpi kpi) {
        Label title = new Label(format.title(kpi));
        title.getStyleClass().add("kpi-title");
        title.setMaxWidth(Double.MAX_VALUE);
        Label value = new Label();
        value.getStyleClass().add("kpi-value");
        value.setMaxWidth(Double.MAX_VALUE);
        value.setAlignment(Pos.CENTER);
        Label note = new Label();
        note.getStyleClass().add("kpi-note");
        note.setMaxWidth(Double.MAX_VALUE);
        Sparkline spark = new Sparkline();
        spark.setMaxWidth(Double.MAX_VALUE);
        VBox.setVgrow(spark, Priority.ALWAYS);
        VBox face = new VBox(1, title, value, note, spark);
        face.setFillWidth(true);
        // The face is a layout root: a new value lays out this face only, not the tile, the row and
        // the whole board above it, which is what keeps a full refresh of 64 tiles inside a frame.
        face.setManaged(false);
        Pane holder = new Pane(face) {
            @Override
            protected void layoutChildren() {
                face.resizeRelocate(0, 0, getWidth(), getHeight());
            }
        };
        Tile tile = TileBuilder.create()
                .skinType(SkinType.CUSTOM)
                .prefSize(TILE_WIDTH, TILE_HEIGHT)
                .minSize(TILE_WIDTH, TILE_HEIGHT)
                .maxSize(Double.MAX_VALUE, TILE_HEIGHT)
                .title("")
                .textVisible(false)
                .graphic(holder)
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

    private void update(Tile tile, Kpi kpi, RegionRow row, boolean sourceDown, Instant dataAt, Instant from, Instant to) {
        VBox face = (VBox) ((Pane) tile.getGraphic()).getChildren().getFirst();
        Label value = (Label) face.getChildren().get(1);
        Label note = (Label) face.getChildren().get(2);
        Sparkline spark = (Sparkline) face.getChildren().get(3);
        KpiCell cell = row.cell(kpi);
        boolean grey = sourceDown || cell.stale();
        String text = format.value(kpi, cell.value());
        value.setText(text);
        // a surge such as 71,256/min still fits a narrow tile
        toggle(value, "kpi-value-long", text.length() > LONG_VALUE);
        toggle(value, "kpi-no-data", cell.value().isEmpty());
        toggle(value, "kpi-grey", grey);
        Instant since = cell.lastSeen() != null ? cell.lastSeen() : dataAt;
        if (grey && since != null) {
            note.setText(i18n.get("dashboard.staleSince", time.shortTime(since)));
        } else if (kpi == Kpi.DECLINE_RATE_BY_REASON && !row.declineReasons().isEmpty()) {
            Breakdown top = row.declineReasons().getFirst();
            note.setText(i18n.get("dashboard.topReason", format.reason(top.name()), format.share(top.value())));
        } else {
            note.setText("");
        }
        spark.show(cell.sparkline(), from, to);
        spark.setOpacity(grey ? 0.45 : 1);
        Color background = grey ? TILE_GREY : TILE_LIVE;
        if (!background.equals(tile.getBackgroundColor())) {
            tile.setBackgroundColor(background);
        }
    }
}
