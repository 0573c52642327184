package io.gatehouse.views.executive;

import java.io.InputStream;
import javafx.scene.text.Font;

/** Loads the report's DejaVu Sans into JavaFX once, so screen, PNG and PDF use the same letters. */
final class SlideFonts {
    static final String FAMILY = "DejaVu Sans";
    private static volatile boolean loaded;

    private SlideFonts() {
    }

    static void load() {
        if (loaded) {
            return;
        }
        synchronized (SlideFonts.class) {
            if (!loaded) {
                for (String resource : new String[] {PdfReport.REGULAR, PdfReport.BOLD}) {
                    try (InputStream in = SlideFonts.class.getResourceAsStream(resource)) {
                        Font.loadFont(in, 12);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                loaded = true;
            }
        }
    }

    /** An inline style with the family, a size in pixels and a colour. */
    static String style(double size, boolean bold, javafx.scene.paint.Color colour) {
        return "-fx-font-family: '" + FAMILY + "'; -fx-font-size: " + size + "px; -fx-font-weight: " + (bold ? "bold" : "normal")
                + "; -fx-text-fill: " + SlidePalette.css(colour) + ";";
    }
}
