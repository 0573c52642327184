package io.gatehouse.views.executive;

import java.awt.Color;

/** The report's print colours: dark text on white, and tone colours dark enough to read on paper. */
final class PdfPalette {
    static final Color TEXT = new Color(0x1b, 0x1f, 0x24);
    static final Color MUTED = new Color(0x4a, 0x52, 0x5c);
    static final Color RULE = new Color(0xc9, 0xcf, 0xd6);
    static final Color BAND = new Color(0xf1, 0xf3, 0xf5);
    static final Color ACCENT = new Color(0x0b, 0x5c, 0xad);
    static final Color WATERMARK = new Color(0xb0, 0x6a, 0x00);

    private PdfPalette() {
    }

    static Color of(Tone tone) {
        return switch (tone) {
            case NEUTRAL -> TEXT;
            case GOOD -> new Color(0x1a, 0x7f, 0x37);
            case WARNING -> new Color(0x9a, 0x67, 0x00);
            case BAD -> new Color(0xc0, 0x1c, 0x28);
        };
    }
}
