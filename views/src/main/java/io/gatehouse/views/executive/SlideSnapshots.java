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
    /**
     * Figures go into the PDF at one and a half times their drawn size: sharp in print at the size
     * they take on the page, without the cost of compressing four times the pixels.
     */
    private static final double FIGURE_SCALE = 1.5;

    private SlideSnapshots() {
    }

    /** The whole slide at its design size. Call on the JavaFX thread. */
    static BufferedImage slide(Deck deck, int index, boolean dark) {
        Parent root = SlideView.render(deck, index, dark);
        return snapshot(root, 1, dark ? SlidePalette.DARK.background() : Color.WHITE);
    }

    /**
     * The slide's figure alone, drawn for paper (light), or null when the slide has none or the PDF
     * draws it itself (bars are vector shapes and real text there). Call on the JavaFX thread.
     */
    static BufferedImage figure(Slide slide) {
        if (slide.figure().isEmpty() || slide.figure().get() instanceof SlideFigure.Bars) {
            return null;
        }
        SlideFonts.load();
        if (slide.figure().get() instanceof SlideFigure.WorldMap map) {
            return SwingFXUtils.fromFXImage(FigureNodes.worldMapImage(map, SlidePalette.LIGHT), null);
        }
        double width = slide.table().isPresent() ? 640 : 1400;
        Node node = FigureNodes.of(slide.figure().get(), SlidePalette.LIGHT, width, 380);
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
