package io.gatehouse.views.executive;

import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

/** Pictures of slides and of their figures, taken on the JavaFX thread. */
final class SlideSnapshots {
    /** Figures go into the PDF at twice their drawn size, so they stay sharp when printed or zoomed. */
    private static final double FIGURE_SCALE = 2;

    private SlideSnapshots() {
    }

    /** The whole slide at its design size. Call on the JavaFX thread. */
    static BufferedImage slide(Deck deck, int index, boolean dark) {
        Parent root = SlideView.render(deck, index, dark);
        return snapshot(root, 1, dark ? SlidePalette.DARK.background() : Color.WHITE);
    }

    /** The slide's figure alone, drawn for paper (light), or null when the slide has none. Call on the JavaFX thread. */
    static BufferedImage figure(Slide slide) {
        if (slide.figure().isEmpty()) {
            return null;
        }
        SlideFonts.load();
        boolean map = slide.figure().get() instanceof SlideFigure.WorldMap;
        double width = slide.table().isPresent() ? 640 : 1400;
        Node node = FigureNodes.of(slide.figure().get(), SlidePalette.LIGHT, width, map ? width * 0.55 : 380);
        return snapshot(new Group(node), FIGURE_SCALE, Color.WHITE);
    }

    private static BufferedImage snapshot(Parent root, double scale, Color background) {
        Scene scene = new Scene(root);
        scene.setFill(background);
        root.applyCss();
        root.layout();
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(background);
        params.setTransform(Transform.scale(scale, scale));
        WritableImage image = root.snapshot(params, null);
        return SwingFXUtils.fromFXImage(image, null);
    }
}
