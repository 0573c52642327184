package io.gatehouse.views.maturity;

import static org.assertj.core.api.Assertions.assertThat;

import eu.hansolo.tilesfx.Tile;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Draws the radar headless and reads its pixels back: three series, a legend, and a resize. */
class RadarChartTest extends FxRobot {
    private static final Path SHOTS = Path.of("target/screenshots/maturity");

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static RadarChart chart() {
        RadarChart chart = new RadarChart();
        chart.setTitle("Resilience maturity");
        chart.setAxes(List.of("Architecture", "Execution", "Measurement", "Culture"));
        chart.setSeries(List.of(
                new RadarSeries("Previous", List.of(1.5, 1.0, 2.0, 1.2), RadarChart.PREVIOUS, RadarSeries.Style.THIN),
                new RadarSeries("Target", List.of(3.0, 3.0, 4.0, 2.0), RadarChart.TARGET, RadarSeries.Style.DASHED),
                new RadarSeries("Current", List.of(2.4, 1.6, 2.7, 1.9), RadarChart.CURRENT, RadarSeries.Style.FILLED)));
        return chart;
    }

    private WritableImage render(RadarChart chart, double w, double h) {
        WritableImage[] image = new WritableImage[1];
        interact(() -> {
            StackPane root = new StackPane(chart);
            Stage stage = new Stage();
            stage.setScene(new Scene(root, w, h));
            stage.show();
            root.applyCss();
            root.layout();
            image[0] = root.snapshot(null, null);
            stage.hide();
        });
        return image[0];
    }

    private static void save(WritableImage image, String name) throws Exception {
        Files.createDirectories(SHOTS);
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        ImageIO.write(png, "png", SHOTS.resolve(name).toFile());
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.08 && Math.abs(a.getGreen() - b.getGreen()) < 0.08
                && Math.abs(a.getBlue() - b.getBlue()) < 0.08;
    }

    private static long count(WritableImage image, Color color) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (near(image.getPixelReader().getColor(x, y), color)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void drawsThreeSeriesOnATileBackgroundWithALegend() throws Exception {
        RadarChart chart = chart();
        WritableImage image = render(chart, 420, 420);
        save(image, "radar-420.png");
        // the tile background fills the corners' inside, and each series' colour shows up
        assertThat(image.getPixelReader().getColor(30, 210)).satisfies(c -> assertThat(near(c, Tile.BACKGROUND)).isTrue());
        assertThat(count(image, RadarChart.CURRENT)).isGreaterThan(200);
        assertThat(count(image, RadarChart.TARGET)).isGreaterThan(100);
        assertThat(count(image, RadarChart.PREVIOUS)).isGreaterThan(50);
        assertThat(chart.describe()).contains("Current: Architecture 2.4, Execution 1.6, Measurement 2.7, Culture 1.9")
                .contains("Target: Architecture 3");
    }

    @Test
    void redrawsAtTheNewSizeWhenResized() throws Exception {
        WritableImage small = render(chart(), 220, 200);
        WritableImage wide = render(chart(), 720, 380);
        save(small, "radar-small.png");
        save(wide, "radar-wide.png");
        assertThat(small.getWidth()).isEqualTo(220);
        assertThat(wide.getWidth()).isEqualTo(720);
        // drawn edge to edge: the background reaches near the right border at both sizes
        assertThat(near(small.getPixelReader().getColor(205, 25), Tile.BACKGROUND)).isTrue();
        assertThat(near(wide.getPixelReader().getColor(705, 25), Tile.BACKGROUND)).isTrue();
        assertThat(count(wide, RadarChart.CURRENT)).isGreaterThan(count(small, RadarChart.CURRENT));
    }
}
