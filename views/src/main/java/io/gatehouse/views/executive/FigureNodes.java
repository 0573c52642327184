package io.gatehouse.views.executive;

import eu.hansolo.fx.countries.Country;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.Tile.SkinType;
import eu.hansolo.tilesfx.TileBuilder;
import io.gatehouse.data.executive.RegionRisk;
import io.gatehouse.data.executive.RiskLevel;
import io.gatehouse.views.maturity.RadarChart;
import io.gatehouse.views.maturity.RadarSeries;
import javafx.geometry.Insets;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
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

    /**
     * The TilesFX WORLDMAP tile drawn once at its natural size (about 1000 px wide: it draws itself
     * that large whatever size it is given, and would spill over its neighbours in a layout). It
     * reads each country's fill from the shared {@link Country} enum when it builds its paths, so
     * the fills are set just before the tile is made. Call on the JavaFX thread.
     */
    static WritableImage worldMapImage(SlideFigure.WorldMap map, SlidePalette palette) {
        for (Country c : Country.values()) {
            c.setFill(palette.mapLand());
            c.setStroke(palette.background());
        }
        for (RegionRisk r : map.regions()) {
            Color colour = colour(r.level(), palette);
            for (String code : RegionCountries.of(r.region())) {
                try {
                    Country.valueOf(code).setFill(colour);
                } catch (IllegalArgumentException unknown) {
                    // a code the map does not draw; the table still lists the region
                }
            }
        }
        Tile tile = TileBuilder.create().skinType(SkinType.WORLDMAP).prefSize(640, 360)
                .backgroundColor(palette.background()).foregroundColor(palette.mapLand())
                .textVisible(false).title("").build();
        tile.setRoundedCorners(false);
        Group holder = new Group(tile);
        Scene scene = new Scene(holder);
        scene.setFill(palette.background());
        holder.applyCss();
        holder.layout();
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(palette.background());
        return holder.snapshot(params, null);
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
