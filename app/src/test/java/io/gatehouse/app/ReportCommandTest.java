package io.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatehouse report} end to end in a child JVM on the sandbox. DISPLAY names an X server
 * that does not exist: the command must not need one.
 */
class ReportCommandTest {
    private static final Map<String, String> NO_DISPLAY = Map.of("DISPLAY", ":97");

    @TempDir
    Path dir;

    @Test
    void writesAGermanPdfInEurosWithTheSandboxWatermarkWithoutADisplay() throws Exception {
        Path pdf = dir.resolve("report.pdf");
        long start = System.nanoTime();

        ChildGatehouse.Run run = ChildGatehouse.run(dir, dir.resolve("softhsm2.conf"), null, NO_DISPLAY,
                "report", "--format", "pdf", "--out", pdf.toString(), "--currency", "EUR", "--lang", "de");

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(pdf.toString());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(7);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Zusammenfassung für die Geschäftsleitung", "Rendite der Sicherheitsinvestitionen",
                    "SIMULIERTE DATEN");
            // the fraud row's baseline: 2.2 M USD at the reference rate, in German notation (a no-break space before €)
            assertThat(text.replace('\u00a0', ' ')).contains("2.024.000,00 €");
        }
        System.out.printf("gatehouse report --format pdf: %d ms in a child JVM (sandbox start included), %d bytes%n",
                millis, Files.size(pdf));
    }

    @Test
    void writesOnePngPerSlide() throws Exception {
        Path folder = dir.resolve("slides");

        ChildGatehouse.Run run = ChildGatehouse.run(dir, dir.resolve("softhsm2.conf"), null, NO_DISPLAY,
                "report", "--format", "png", "--out", folder.toString(), "--currency", "KRW", "--theme", "dark");

        assertThat(run.exit()).as(run.err()).isZero();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("01-summary-dark.png",
                    "02-regions-dark.png", "03-maturity-dark.png", "04-friction-dark.png", "05-audit-dark.png",
                    "06-roi-dark.png", "07-keys-dark.png");
        }
    }

    @Test
    void badArgumentsAndAMissingFolderAreOneLineWithTheirExitCodes() throws Exception {
        ChildGatehouse.Run usage = ChildGatehouse.run(dir, dir.resolve("softhsm2.conf"), null, NO_DISPLAY,
                "report", "--format", "docx", "--out", dir.resolve("r.docx").toString());
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).startsWith("gatehouse: --format must be pdf or png");

        ChildGatehouse.Run currency = ChildGatehouse.run(dir, dir.resolve("softhsm2.conf"), null, NO_DISPLAY,
                "report", "--format", "pdf", "--out", dir.resolve("r.pdf").toString(), "--currency", "XYZ");
        assertThat(currency.exit()).isEqualTo(2);

        Path nowhere = dir.resolve("missing").resolve("report.pdf");
        ChildGatehouse.Run missing = ChildGatehouse.run(dir, dir.resolve("softhsm2.conf"), null, NO_DISPLAY,
                "report", "--format", "pdf", "--out", nowhere.toString(), "--assessment", "nope");
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(lastLine(missing.err())).isEqualTo("gatehouse: There is no assessment 'nope'; the stored ones are: sandbox-previous, sandbox-current.");

        ChildGatehouse.Run folder = ChildGatehouse.run(dir, dir.resolve("softhsm2.conf"), null, NO_DISPLAY,
                "report", "--format", "pdf", "--out", nowhere.toString());
        assertThat(folder.exit()).isEqualTo(6);
        assertThat(lastLine(folder.err())).isEqualTo("gatehouse: Cannot write " + nowhere
                + ": the folder does not exist. Choose an existing folder.");
        assertThat(nowhere.getParent()).doesNotExist();
    }

    /**
     * The command's one line. The test class path carries slf4j-api (from test-only libraries) without a
     * provider, which makes SLF4J print its own warning first; the product's class path has no SLF4J.
     */
    private static String lastLine(String err) {
        return err.lines().filter(l -> !l.startsWith("SLF4J")).reduce((a, b) -> b).orElse("").strip();
    }
}
