package io.gatehouse.views.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class SandboxWatermarkTest {
    @Test
    void marksEveryPartOfThePictureFaintly() {
        BufferedImage image = new BufferedImage(1280, 800, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1280, 800);
        g.dispose();

        SandboxWatermark.apply(image, "Simulated data");

        // each quarter of the picture carries some of the mark, so no crop removes it
        int[][] quarters = {{0, 0}, {640, 0}, {0, 400}, {640, 400}};
        for (int[] q : quarters) {
            int marked = 0;
            for (int x = q[0]; x < q[0] + 640; x++) {
                for (int y = q[1]; y < q[1] + 400; y++) {
                    int rgb = image.getRGB(x, y) & 0xFFFFFF;
                    if (rgb != 0xFFFFFF) {
                        marked++;
                        // faint: never darker than a light tint, so the content stays readable
                        assertThat((rgb >> 16) & 0xFF).isGreaterThan(200);
                    }
                }
            }
            assertThat(marked).as("marked pixels in quarter at %d,%d", q[0], q[1]).isGreaterThan(1_000);
        }
    }
}
