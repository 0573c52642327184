package io.gatehouse.views.executive;

import io.gatehouse.data.files.SafeFileWriter;
import io.gatehouse.views.common.SandboxWatermark;
import io.gatehouse.views.shell.FxRuntime;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import javax.imageio.ImageIO;

/**
 * Exports a deck as a PDF report or as one PNG per slide. Pictures are drawn on the JavaFX thread
 * (started when needed, so this works headless); every file goes through {@link SafeFileWriter},
 * so a failure leaves no half-written file. Must not be called on the JavaFX thread.
 */
public final class ReportExporter {
    private final SafeFileWriter writer;

    public ReportExporter(SafeFileWriter writer) {
        this.writer = writer;
    }

    /** The PDF report; {@code progress} counts steps up to {@link #pdfSteps(Deck)}. */
    public Path pdf(Deck deck, Path target, BooleanSupplier cancelled, IntConsumer progress) {
        requireBackground();
        FxRuntime.startIfNeeded();
        Map<String, BufferedImage> pictures = new HashMap<>();
        int step = 0;
        for (Slide slide : deck.slides()) {
            checkCancelled(cancelled);
            BufferedImage picture = FxRuntime.call(() -> SlideSnapshots.figure(slide));
            if (picture != null) {
                pictures.put(slide.id(), picture);
            }
            progress.accept(++step);
        }
        int drawn = step;
        try {
            writer.write(target, out -> {
                try {
                    PdfReport.write(deck, pictures, out, cancelled, page -> progress.accept(drawn + page));
                } catch (CancellationException e) {
                    // the writer removes its temporary file on an IOException: a cancelled report leaves nothing behind
                    throw new java.io.InterruptedIOException("cancelled");
                }
            });
        } catch (io.gatehouse.data.files.ExportFailedException e) {
            if (e.getCause() instanceof java.io.InterruptedIOException) {
                throw new CancellationException("the export was cancelled");
            }
            throw e;
        }
        return target;
    }

    /** How many progress steps a PDF export reports: one picture and one page per slide. */
    public static int pdfSteps(Deck deck) {
        return deck.slides().size() * 2;
    }

    /** One PNG per slide in {@code directory}: {@code 01-summary.png} and so on, with the watermark for simulated data. */
    public List<Path> pngs(Deck deck, Path directory, boolean dark, BooleanSupplier cancelled, IntConsumer progress) {
        requireBackground();
        FxRuntime.startIfNeeded();
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < deck.slides().size(); i++) {
            checkCancelled(cancelled);
            int index = i;
            BufferedImage image = FxRuntime.call(() -> SlideSnapshots.slide(deck, index, dark));
            if (deck.simulated()) {
                SandboxWatermark.apply(image, deck.watermark());
            }
            Path file = directory.resolve(fileName(deck, i, dark));
            writer.write(file, out -> ImageIO.write(image, "png", out));
            written.add(file);
            progress.accept(i + 1);
        }
        return List.copyOf(written);
    }

    static String fileName(Deck deck, int index, boolean dark) {
        return String.format(Locale.ROOT, "%02d-%s%s.png", index + 1, deck.slides().get(index).id(), dark ? "-dark" : "");
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("the export was cancelled");
        }
    }

    private static void requireBackground() {
        if (javafx.application.Platform.isFxApplicationThread()) {
            throw new IllegalStateException("exports wait for the JavaFX thread, so they cannot run on it");
        }
    }
}
