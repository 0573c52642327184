package io.gatehouse.views.executive;

import io.gatehouse.data.executive.RegionRisk;
import io.gatehouse.data.executive.RiskLevel;
import io.gatehouse.views.common.WorldMapPicture;
import io.gatehouse.views.maturity.RadarChart;
import java.util.LinkedHashMap;
import java.util.Map;
import io.gatehouse.views.maturity.RadarSeries;
import javafx.geometry.Insets;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/** Draws a slide's figure as JavaFX nodes: the TilesFX world map, or horizontal bars. */
final class FigureNodes {
    private FigureNodes() {
    }

    static Node of(SlideFigure figure, SlidePalette palette, double width, double height) {
        return switch (figure) {
            case SlideFigure.WorldMap map -> worldMap(map, palette, width, height);
            case SlideFigure.Bars bars -> bars(bars, palette, width);
            case SlideFigure.Radar radar -> radar(radar, width, height);
        };
    }

    /** The maturity radar in the TilesFX look (dark in both themes, as the tiles are). */
    private static Node radar(SlideFigure.Radar radar, double width, double height) {
        RadarChart chart = new RadarChart();
        chart.setAxes(radar.axes());
        chart.setSeries(radar.lines().stream().map(l -> switch (l.role()) {
            case CURRENT -> new RadarSeries(l.name(), l.values(), RadarChart.CURRENT, RadarSeries.Style.FILLED);
            case TARGET -> new RadarSeries(l.name(), l.values(), RadarChart.TARGET, RadarSeries.Style.DASHED);
            case PREVIOUS -> new RadarSeries(l.name(), l.values(), RadarChart.PREVIOUS, RadarSeries.Style.THIN);
        }).toList());
        double side = Math.min(width, height);
        chart.setMinSize(side, side);
        chart.setPrefSize(side, side);
        chart.setMaxSize(side, side);
        return new javafx.scene.Group(chart);
    }

    /** The map as a picture scaled into the box, aspect kept. */
    private static Node worldMap(SlideFigure.WorldMap map, SlidePalette palette, double width, double height) {
        ImageView view = new ImageView(worldMapImage(map, palette));
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setFitWidth(width);
        view.setFitHeight(height);
        return view;
    }

    /** The TilesFX WORLDMAP tile with each region in its risk colour, drawn once. Call on the JavaFX thread. */
    static WritableImage worldMapImage(SlideFigure.WorldMap map, SlidePalette palette) {
        Map<String, Color> colours = new LinkedHashMap<>();
        for (RegionRisk r : map.regions()) {
            colours.put(r.region(), colour(r.level(), palette));
        }
        return WorldMapPicture.draw(colours, palette.mapLand(), palette.background());
    }

    private static Color colour(RiskLevel level, SlidePalette palette) {
        return switch (level) {
            case UNKNOWN -> palette.mapLand().darker();
            case LOW -> palette.good();
            case ELEVATED -> palette.warning();
            case HIGH -> palette.bad();
        };
    }

    private static Node bars(SlideFigure.Bars bars, SlidePalette palette, double width) {
        // eight audit areas must fit where four friction axes do
        boolean compact = bars.bars().size() > 5;
        double type = compact ? 20 : 26;
        double thickness = compact ? 10 : 18;
        VBox box = new VBox(compact ? 9 : 22);
        box.setPadding(new Insets(8, 0, 0, 0));
        double track = width - 40;
        for (SlideFigure.Bar bar : bars.bars()) {
            Label name = new Label(bar.label());
            name.setStyle(SlideFonts.style(type, false, palette.text()));
            Label value = new Label(bar.text());
            value.setStyle(SlideFonts.style(type, true, palette.tone(bar.tone())));
            GridPane head = new GridPane();
            head.add(name, 0, 0);
            head.add(value, 1, 0);
            GridPane.setHgrow(name, javafx.scene.layout.Priority.ALWAYS);
            name.setMaxWidth(Double.MAX_VALUE);
            Rectangle back = new Rectangle(track, thickness, palette.band());
            Rectangle fill = new Rectangle(Math.max(2, track * Math.clamp(bar.value(), 0, 1)), thickness, palette.tone(bar.tone()));
            StackPane barPane = new StackPane(back, fill);
            barPane.setAlignment(Pos.CENTER_LEFT);
            head.setMaxWidth(track);
            box.getChildren().add(new VBox(compact ? 3 : 6, head, barPane));
        }
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }
}
