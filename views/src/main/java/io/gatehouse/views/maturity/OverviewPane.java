package io.gatehouse.views.maturity;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.Tile.SkinType;
import eu.hansolo.tilesfx.TileBuilder;
import io.gatehouse.data.maturity.Assessment;
import io.gatehouse.data.maturity.Dimension;
import io.gatehouse.data.maturity.DimensionScore;
import io.gatehouse.data.maturity.TimelinePoint;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The radar with current, target and previous, a tile per dimension around it, and the timeline below. */
final class OverviewPane extends VBox {
    private static final double TILE_SIZE = 150;

    private final MaturityText text;
    private final RadarChart radar = new RadarChart();
    private final Map<Dimension, Tile> tiles = new EnumMap<>(Dimension.class);
    private final LineChart<String, Number> timeline;

    OverviewPane(MaturityText text) {
        super(12);
        this.text = text;
        getStyleClass().add("maturity-overview");
        radar.setId("maturityRadar");
        radar.setTitle(text.i18n().get("maturity.radar.title"));
        radar.setAxes(List.of(Dimension.values()).stream().map(text::dimension).toList());
        radar.setPrefSize(420, 380);
        radar.setMinSize(300, 300);
        // wider than this only adds empty tile around the chart; the tiles stay beside it
        radar.setMaxWidth(640);

        GridPane left = new GridPane(10, 10);
        GridPane right = new GridPane(10, 10);
        Dimension[] all = Dimension.values();
        for (int i = 0; i < all.length; i++) {
            Tile tile = tile(all[i]);
            tiles.put(all[i], tile);
            (i % 2 == 0 ? left : right).add(tile, 0, i / 2);
        }
        HBox top = new HBox(12, left, radar, right);
        HBox.setHgrow(radar, Priority.ALWAYS);
        top.setFillHeight(true);
        top.setAlignment(javafx.geometry.Pos.TOP_CENTER);

        CategoryAxis x = new CategoryAxis();
        x.setLabel(text.i18n().get("maturity.timeline.axis.date"));
        NumberAxis y = new NumberAxis(0, 5, 1);
        y.setLabel(text.i18n().get("maturity.timeline.axis.maturity"));
        timeline = new LineChart<>(x, y);
        timeline.setId("maturityTimeline");
        timeline.setTitle(text.i18n().get("maturity.timeline.title"));
        timeline.setAnimated(false);
        timeline.setCreateSymbols(true);
        timeline.setPrefHeight(260);
        timeline.setMinHeight(200);
        getChildren().addAll(top, timeline);
    }

    RadarChart radar() {
        return radar;
    }

    private Tile tile(Dimension d) {
        Tile tile = TileBuilder.create()
                .skinType(SkinType.NUMBER)
                .prefSize(TILE_SIZE, TILE_SIZE)
                .minSize(TILE_SIZE, TILE_SIZE)
                .maxSize(TILE_SIZE, TILE_SIZE)
                .title(text.dimension(d))
                .decimals(2)
                .minValue(0)
                .maxValue(5)
                .unit("/ 5")
                .valueColor(RadarChart.CURRENT)
                .textVisible(true)
                .animated(false)
                .roundedCorners(true)
                .locale(text.i18n().locale())
                .build();
        tile.getStyleClass().add("maturity-tile");
        tile.setUserData(d);
        return tile;
    }

    void show(Assessment current, Assessment previous, Map<Dimension, List<TimelinePoint>> history) {
        Map<Dimension, DimensionScore> now = current == null ? Map.of() : current.scores();
        Map<Dimension, DimensionScore> before = previous == null ? Map.of() : previous.scores();
        List<RadarSeries> series = new ArrayList<>();
        if (previous != null) {
            series.add(new RadarSeries(text.i18n().get("maturity.series.previous", previous.name()), values(before),
                    RadarChart.PREVIOUS, RadarSeries.Style.THIN));
        }
        if (current != null) {
            List<Double> targets = List.of(Dimension.values()).stream().map(d -> (double) current.target(d)).toList();
            series.add(new RadarSeries(text.i18n().get("maturity.series.target"), targets, RadarChart.TARGET,
                    RadarSeries.Style.DASHED));
            series.add(new RadarSeries(text.i18n().get("maturity.series.current", current.name()), values(now),
                    RadarChart.CURRENT, RadarSeries.Style.FILLED));
        }
        radar.setSeries(series);
        for (Dimension d : Dimension.values()) {
            Tile tile = tiles.get(d);
            DimensionScore s = now.get(d);
            tile.setValue(s == null ? 0 : s.value());
            tile.setDescription(s == null ? "" : text.level(s.metLevel()));
            tile.setText(current == null ? text.i18n().get("maturity.tile.none")
                    : before.containsKey(d)
                            ? text.i18n().get("maturity.tile.targetAndPrevious", current.target(d), text.score(before.get(d).value()))
                            : text.i18n().get("maturity.tile.target", current.target(d)));
            tile.setAccessibleText(text.dimension(d) + " " + (s == null ? "" : text.score(s.value())));
        }
        showTimeline(history);
    }

    private void showTimeline(Map<Dimension, List<TimelinePoint>> history) {
        TreeSet<String> dates = new TreeSet<>();
        history.values().forEach(points -> points.forEach(p -> dates.add(p.date().toString())));
        ((CategoryAxis) timeline.getXAxis()).getCategories().setAll(dates);
        List<XYChart.Series<String, Number>> lines = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            XYChart.Series<String, Number> line = new XYChart.Series<>();
            line.setName(text.dimension(d));
            for (TimelinePoint p : history.getOrDefault(d, List.of())) {
                line.getData().add(new XYChart.Data<>(p.date().toString(), p.value()));
            }
            lines.add(line);
        }
        timeline.getData().setAll(lines);
    }

    private static List<Double> values(Map<Dimension, DimensionScore> scores) {
        return List.of(Dimension.values()).stream().map(d -> scores.containsKey(d) ? scores.get(d).value() : 0.0).toList();
    }

}
