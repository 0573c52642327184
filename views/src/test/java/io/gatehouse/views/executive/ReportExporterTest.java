package io.gatehouse.views.executive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.files.ExportFailedException;
import io.gatehouse.data.files.SafeFileWriter;
import io.gatehouse.data.testing.FailingChannel;
import io.gatehouse.data.testing.FailingChannel.Fault;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Language;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportExporterTest {
    /** Where the pictures land for a person to look at; the build does not read them. */
    private static final Path SHOTS = Path.of(System.getProperty("java.io.tmpdir"), "exec-shots");

    @TempDir
    Path tmp;

    @Test
    void writesAPdfWithAPictureOfTheMapAndOnePngPerSlideInBothThemes() throws IOException {
        Deck deck = deck(Language.ENGLISH, true);
        ReportExporter exporter = new ReportExporter(new SafeFileWriter());
        AtomicInteger steps = new AtomicInteger();

        Path pdf = exporter.pdf(deck, tmp.resolve("report.pdf"), () -> false, steps::set);
        List<Path> light = exporter.pngs(deck, tmp, false, () -> false, n -> { });
        List<Path> dark = exporter.pngs(deck, tmp, true, () -> false, n -> { });

        assertThat(steps.get()).isEqualTo(ReportExporter.pdfSteps(deck));
        assertThat(light).extracting(p -> p.getFileName().toString()).containsExactly("01-summary.png", "02-regions.png",
                "03-maturity.png", "04-friction.png", "05-audit.png", "06-roi.png", "07-keys.png");
        assertThat(dark.getFirst().getFileName().toString()).isEqualTo("01-summary-dark.png");
        BufferedImage first = ImageIO.read(light.getFirst().toFile());
        assertThat(first.getWidth()).isEqualTo((int) SlideView.WIDTH);
        assertThat(first.getHeight()).isEqualTo((int) SlideView.HEIGHT);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(7);
            // the map page carries an image, the summary page none
            assertThat(doc.getPage(1).getResources().getXObjectNames()).isNotEmpty();
            assertThat(doc.getPage(0).getResources().getXObjectNames()).isEmpty();
            keepForLooking(doc, light, dark);
        }
    }

    /** Prints the export time of a seven-slide PDF, first (cold toolkit and fonts) and then warm, and its size. */
    @Test
    void measuresTheExport() throws IOException {
        Deck deck = deck(Language.ENGLISH, true);
        ReportExporter exporter = new ReportExporter(new SafeFileWriter());
        long[] millis = new long[4];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            exporter.pdf(deck, tmp.resolve("timed.pdf"), () -> false, n -> { });
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        long size = Files.size(tmp.resolve("timed.pdf"));
        System.out.printf("PDF export of %d slides: first %d ms, then %d, %d, %d ms; %d bytes%n", deck.slides().size(),
                millis[0], millis[1], millis[2], millis[3], size);
        assertThat(size).isPositive();
    }

    @Test
    void aReadOnlyFolderOrAFullDiskLeavesNoFileBehind() {
        Deck deck = deck(Language.ENGLISH, false);
        for (Fault fault : Fault.values()) {
            ReportExporter failing = new ReportExporter(new SafeFileWriter(FailingChannel.opener(fault, 0)));
            Path target = tmp.resolve("report-" + fault + ".pdf");

            assertThatThrownBy(() -> failing.pdf(deck, target, () -> false, n -> { }))
                    .isInstanceOf(ExportFailedException.class)
                    .hasMessageContaining(fault == Fault.ACCESS_DENIED ? "permission denied" : "the disk is full");
            assertThatThrownBy(() -> failing.pngs(deck, tmp, false, () -> false, n -> { }))
                    .isInstanceOf(ExportFailedException.class);
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void aFailureAfterSomeBytesLeavesTheOldReportUntouched() throws IOException {
        Path target = tmp.resolve("report.pdf");
        Files.writeString(target, "the previous report");
        ReportExporter failing = new ReportExporter(new SafeFileWriter(FailingChannel.opener(Fault.DISK_FULL, 3)));

        assertThatThrownBy(() -> failing.pdf(deck(Language.ENGLISH, false), target, () -> false, n -> { }))
                .isInstanceOf(ExportFailedException.class);

        assertThat(Files.readString(target)).isEqualTo("the previous report");
        assertThat(files()).containsExactly(target);
    }

    @Test
    void cancellingLeavesNothing() {
        Deck deck = deck(Language.ENGLISH, false);
        AtomicInteger steps = new AtomicInteger();
        ReportExporter exporter = new ReportExporter(new SafeFileWriter());

        assertThatThrownBy(() -> exporter.pdf(deck, tmp.resolve("report.pdf"), () -> steps.get() >= 9, steps::set))
                .isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> exporter.pngs(deck, tmp, false, () -> steps.get() >= 9, steps::set))
                .isInstanceOf(CancellationException.class);

        assertThat(files()).isEmpty();
    }

    private List<Path> files() {
        try (Stream<Path> list = Files.list(tmp)) {
            return list.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Deck deck(Language language, boolean simulated) {
        return new DeckBuilder(new I18n(language), ZoneOffset.UTC).build(ExecutiveFixtures.facts("EUR", simulated));
    }

    private static void keepForLooking(PDDocument doc, List<Path> light, List<Path> dark) throws IOException {
        Files.createDirectories(SHOTS);
        PDFRenderer renderer = new PDFRenderer(doc);
        for (int i = 0; i < doc.getNumberOfPages(); i++) {
            ImageIO.write(renderer.renderImageWithDPI(i, 110), "png", SHOTS.resolve("pdf-page-" + (i + 1) + ".png").toFile());
        }
        for (Path p : light) {
            Files.copy(p, SHOTS.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        for (Path p : dark) {
            Files.copy(p, SHOTS.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
