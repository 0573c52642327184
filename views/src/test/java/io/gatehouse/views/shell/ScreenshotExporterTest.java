package io.gatehouse.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.views.testing.TestConsole;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** Exports the pictures into target/screenshots, where a person can look at them after the build. */
class ScreenshotExporterTest {
    private static final Path OUT = Path.of("target/screenshots");

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void writesTheMainWindowAndEveryAreaInBothThemes() throws Exception {
        List<Path> files;
        try (TestConsole console = new TestConsole(dir)) {
            console.monitor.checkNow();
            files = ScreenshotExporter.export(console.context(), OUT);
        }

        assertThat(files).hasSize(2 * (Area.values().length + 2));
        assertThat(OUT.resolve("main-light.png")).exists();
        assertThat(OUT.resolve("audit-log-dark.png")).exists();
        for (Path file : files) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image.getWidth()).as(file.toString()).isEqualTo((int) ScreenshotExporter.WIDTH);
            assertThat(image.getHeight()).as(file.toString()).isEqualTo((int) ScreenshotExporter.HEIGHT);
            assertThat(distinctColours(image)).as("a blank picture: " + file).isGreaterThan(50);
        }
        assertThat(Files.exists(dir.resolve("config/settings.json"))).as("exporting saves no settings").isFalse();
    }

    @Test
    void writesGermanPicturesToo() throws Exception {
        try (TestConsole console = new TestConsole(dir)) {
            console.monitor.checkNow();
            List<Path> files = ScreenshotExporter.export(console.context(), OUT.resolve("de"), "de");
            assertThat(files).hasSize(2 * (Area.values().length + 2));
        }
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
