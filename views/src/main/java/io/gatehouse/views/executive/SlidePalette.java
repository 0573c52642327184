package io.gatehouse.views.executive;

import javafx.scene.paint.Color;

/**
 * Slide colours for a projector: near-black on white or near-white on near-black, and tone
 * colours that keep at least 4.5:1 contrast against their background in either theme.
 */
record SlidePalette(Color background, Color text, Color muted, Color band, Color rule, Color accent, Color good,
        Color warning, Color bad, Color mapLand) {

    static final SlidePalette LIGHT = new SlidePalette(Color.web("#ffffff"), Color.web("#111418"), Color.web("#3d4650"),
            Color.web("#eef1f4"), Color.web("#c9cfd6"), Color.web("#0b5cad"), Color.web("#17803a"), Color.web("#8a5a00"),
            Color.web("#c01c28"), Color.web("#c4cbd3"));
    static final SlidePalette DARK = new SlidePalette(Color.web("#0d1117"), Color.web("#f5f7fa"), Color.web("#b8c2cc"),
            Color.web("#1c232c"), Color.web("#3a4450"), Color.web("#4aa3ff"), Color.web("#4ade80"), Color.web("#fbbf24"),
            Color.web("#f87171"), Color.web("#46505c"));

    static SlidePalette of(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    Color tone(Tone tone) {
        return switch (tone) {
            case NEUTRAL -> text;
            case GOOD -> good;
            case WARNING -> warning;
            case BAD -> bad;
        };
    }

    static String css(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
