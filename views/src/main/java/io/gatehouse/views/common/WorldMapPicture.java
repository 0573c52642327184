package io.gatehouse.views.common;

import eu.hansolo.fx.countries.Country;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.Tile.SkinType;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * The TilesFX WORLDMAP tile (no web engine) with regions coloured, drawn once into a picture. The
 * tile draws itself at about 1000 px wide whatever size it is given and would spill over its
 * neighbours in a layout, so views show the picture scaled instead. It reads each country's fill
 * from the shared {@link Country} enum when it builds its paths, so every fill is set just before
 * the tile is made. Call on the JavaFX thread.
 */
public final class WorldMapPicture {
    private WorldMapPicture() {
    }

    /**
     * @param regionColours a colour per region label; countries of unlisted regions keep {@code land}
     */
    public static WritableImage draw(Map<String, Color> regionColours, Color land, Color background) {
        for (Country c : Country.values()) {
            c.setFill(land);
            c.setStroke(background);
        }
        regionColours.forEach((region, colour) -> {
            for (String code : RegionCountries.of(region)) {
                try {
                    Country.valueOf(code).setFill(colour);
                } catch (IllegalArgumentException unknown) {
                    // a code the map does not draw; tables still list the region
                }
            }
        });
        Tile tile = TileBuilder.create().skinType(SkinType.WORLDMAP).prefSize(640, 360)
                .backgroundColor(background).foregroundColor(land)
                .textVisible(false).title("").build();
        tile.setRoundedCorners(false);
        Group holder = new Group(tile);
        Scene scene = new Scene(holder);
        scene.setFill(background);
        holder.applyCss();
        holder.layout();
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(background);
        return holder.snapshot(params, null);
    }
}
