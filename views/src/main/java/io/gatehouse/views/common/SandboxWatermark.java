package io.gatehouse.views.common;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * Marks an exported picture as made from simulated data: the words repeated diagonally across
 * the whole image, faint enough to read through, so no crop can remove them. Every export from
 * sandbox data goes through here.
 */
public final class SandboxWatermark {
    private SandboxWatermark() {
    }

    /** Draws the watermark onto {@code image} in place and returns it. */
    public static BufferedImage apply(BufferedImage image, String text) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.12f));
            g.setColor(new Color(0xB0, 0x6A, 0x00));
            int size = Math.max(18, image.getWidth() / 28);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
            String label = text.toUpperCase(java.util.Locale.ROOT);
            int step = g.getFontMetrics().stringWidth(label) + size * 3;
            int rowStep = size * 5;
            AffineTransform original = g.getTransform();
            g.rotate(Math.toRadians(-30), image.getWidth() / 2.0, image.getHeight() / 2.0);
            int reach = image.getWidth() + image.getHeight();
            for (int y = -reach; y < reach; y += rowStep) {
                int offset = (y / rowStep) % 2 == 0 ? 0 : step / 2;
                for (int x = -reach; x < reach; x += step) {
                    g.drawString(label, x + offset, y);
                }
            }
            g.setTransform(original);
        } finally {
            g.dispose();
        }
        return image;
    }
}
