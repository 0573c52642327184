package io.gatehouse.views.executive;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * Writes a deck as a PDF with PDFBox: one 16:9 page per slide, every word as real text in an
 * embedded DejaVu Sans (which has €, ₹ and ₩), pictures as lossless images, and the sandbox
 * watermark as faint diagonal text on every page of simulated data.
 */
public final class PdfReport {
    static final String REGULAR = "/io/gatehouse/views/fonts/DejaVuSans.ttf";
    static final String BOLD = "/io/gatehouse/views/fonts/DejaVuSans-Bold.ttf";
    private static final float WIDTH = 960;
    private static final float HEIGHT = 540;
    private static final float MARGIN = 40;

    private PdfReport() {
    }

    /**
     * Writes {@code deck} to {@code out}.
     *
     * @param pictures  snapshot of each slide's figure by slide id; a slide without one gets none
     * @param cancelled asked before each page; when true the writing stops with {@link java.util.concurrent.CancellationException}
     * @param progress  told each page number as it is done
     */
    public static void write(Deck deck, Map<String, BufferedImage> pictures, OutputStream out, BooleanSupplier cancelled,
            IntConsumer progress) throws IOException {
        Objects.requireNonNull(out, "out");
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(deck.title());
            info.setCreator("Gatehouse");
            PDFont regular = load(doc, REGULAR);
            PDFont bold = load(doc, BOLD);
            int number = 0;
            for (Slide slide : deck.slides()) {
                if (cancelled.getAsBoolean()) {
                    throw new java.util.concurrent.CancellationException("the report was cancelled");
                }
                number++;
                PDPage page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    new PageWriter(doc, cs, regular, bold).slide(deck, slide, pictures.get(slide.id()), number, deck.slides().size());
                }
                progress.accept(number);
            }
            doc.save(out);
        }
    }

    private static PDFont load(PDDocument doc, String resource) throws IOException {
        try (InputStream in = PdfReport.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("missing font " + resource));
            }
            // subset embedding: only the glyphs used go into the file
            return PDType0Font.load(doc, in, true);
        }
    }

    /** Lays out one page top-down; y is the baseline or top edge of what is drawn next, in PDF points from the bottom. */
    private static final class PageWriter {
        private final PDDocument doc;
        private final PDPageContentStream cs;
        private final PDFont regular;
        private final PDFont bold;

        PageWriter(PDDocument doc, PDPageContentStream cs, PDFont regular, PDFont bold) {
            this.doc = doc;
            this.cs = cs;
            this.regular = regular;
            this.bold = bold;
        }

        void slide(Deck deck, Slide slide, BufferedImage picture, int number, int total) throws IOException {
            fill(PdfPalette.ACCENT, 0, HEIGHT - 6, WIDTH, 6);
            float y = HEIGHT - MARGIN - 24;
            text(bold, 26, PdfPalette.TEXT, MARGIN, y, slide.title());
            y -= 18;
            if (!slide.figures().isEmpty()) {
                y = figures(slide.figures(), y - 8);
            }
            for (String paragraph : slide.paragraphs()) {
                y = paragraph(paragraph, y - 6, WIDTH - 2 * MARGIN, 12.5f) - 2;
            }
            float bottom = MARGIN + 22;
            float top = y - 10;
            boolean both = picture != null && slide.table().isPresent();
            float tableLeft = MARGIN;
            if (slide.figure().orElse(null) instanceof SlideFigure.Bars bars) {
                float boxWidth = slide.table().isPresent() ? (WIDTH - 2 * MARGIN) * 0.30f : WIDTH - 2 * MARGIN;
                bars(bars, MARGIN, top, boxWidth, top - bottom);
                tableLeft = slide.table().isPresent() ? MARGIN + boxWidth + 16 : MARGIN;
            } else if (picture != null) {
                float boxWidth = both ? (WIDTH - 2 * MARGIN) * 0.42f : WIDTH - 2 * MARGIN;
                image(picture, MARGIN, bottom, boxWidth, top - bottom);
                tableLeft = both ? MARGIN + boxWidth + 16 : MARGIN;
            }
            if (slide.table().isPresent()) {
                table(slide.table().get(), tableLeft, top, WIDTH - MARGIN - tableLeft, top - bottom);
            }
            footer(deck, number, total);
            if (deck.watermark() != null) {
                watermark(deck.watermark());
            }
        }

        private float figures(List<KeyFigure> figures, float top) throws IOException {
            float gap = 14;
            float width = (WIDTH - 2 * MARGIN - gap * (figures.size() - 1)) / figures.size();
            float height = 84;
            float x = MARGIN;
            for (KeyFigure f : figures) {
                fill(PdfPalette.BAND, x, top - height, width, height);
                fill(PdfPalette.of(f.tone()), x, top - height, 4, height);
                text(regular, 11, PdfPalette.MUTED, x + 14, top - 18, fit(regular, 11, f.label(), width - 24));
                float size = fitSize(bold, f.value(), width - 24, 28, 14);
                text(bold, size, PdfPalette.of(f.tone()), x + 14, top - 52, fit(bold, size, f.value(), width - 24));
                text(regular, 9.5f, PdfPalette.MUTED, x + 14, top - 72, fit(regular, 9.5f, f.caption(), width - 24));
                x += width + gap;
            }
            return top - height - 8;
        }

        private float paragraph(String text, float top, float width, float size) throws IOException {
            float leading = size * 1.35f;
            float y = top - size;
            for (String line : wrap(regular, size, text, width)) {
                text(regular, size, PdfPalette.TEXT, MARGIN, y, line);
                y -= leading;
            }
            return y + leading - size * 0.4f;
        }

        private void table(SlideTable table, float left, float top, float width, float height) throws IOException {
            int columns = table.headers().size();
            float size = 11;
            float[] widths = new float[columns];
            // shrink the type until the natural column widths fit, down to 7.5 pt; then cells are cut with an ellipsis
            while (true) {
                float total = 0;
                for (int c = 0; c < columns; c++) {
                    widths[c] = bold.getStringWidth(table.headers().get(c)) / 1000 * size;
                    for (List<String> row : table.rows()) {
                        widths[c] = Math.max(widths[c], regular.getStringWidth(row.get(c)) / 1000 * size);
                    }
                    widths[c] += 12;
                    total += widths[c];
                }
                float rowHeight = size * 1.9f;
                if ((total <= width && rowHeight * (table.rows().size() + 1) <= height) || size <= 7.5f) {
                    // fill the width: narrow tables stretch, wide ones (at the smallest type) shrink and cut with an ellipsis
                    float scale = width / total;
                    for (int c = 0; c < columns; c++) {
                        widths[c] *= scale;
                    }
                    break;
                }
                size -= 0.5f;
            }
            float rowHeight = size * 1.9f;
            float y = top;
            fill(PdfPalette.BAND, left, y - rowHeight, width, rowHeight);
            cells(table.headers(), table, widths, left, y - rowHeight * 0.66f, bold, size, null);
            y -= rowHeight;
            for (int r = 0; r < table.rows().size() && y - rowHeight >= top - height; r++) {
                line(left, y, left + width, y);
                cells(table.rows().get(r), table, widths, left, y - rowHeight * 0.66f, regular, size, table.rowTones().get(r));
                y -= rowHeight;
            }
            line(left, y, left + width, y);
        }

        private void cells(List<String> cells, SlideTable table, float[] widths, float left, float baseline, PDFont font,
                float size, Tone tone) throws IOException {
            float x = left;
            for (int c = 0; c < cells.size(); c++) {
                String cell = fit(font, size, cells.get(c), widths[c] - 12);
                Color colour = tone != null && c == 0 && tone != Tone.NEUTRAL ? PdfPalette.of(tone) : PdfPalette.TEXT;
                if (tone != null && c == 0 && tone != Tone.NEUTRAL) {
                    fill(colour, x, baseline - 2, 3, size + 2);
                }
                float textWidth = font.getStringWidth(cell) / 1000 * size;
                float tx = table.numeric().get(c) ? x + widths[c] - 6 - textWidth : x + 6;
                text(font, size, tone != null && c == 0 ? colour : PdfPalette.TEXT, tx, baseline, cell);
                x += widths[c];
            }
        }

        /** Bars as vector shapes with real text: label and value above a track, filled to the value. */
        private void bars(SlideFigure.Bars bars, float left, float top, float width, float height) throws IOException {
            int n = bars.bars().size();
            float slot = Math.min(48, height / Math.max(1, n));
            float size = Math.min(11, slot * 0.36f);
            float y = top;
            for (SlideFigure.Bar bar : bars.bars()) {
                float valueWidth = bold.getStringWidth(bar.text()) / 1000 * size;
                text(regular, size, PdfPalette.TEXT, left, y - size, fit(regular, size, bar.label(), width - valueWidth - 8));
                text(bold, size, PdfPalette.of(bar.tone()), left + width - valueWidth, y - size, bar.text());
                float track = y - size - 6 - slot * 0.16f;
                fill(PdfPalette.BAND, left, track, width, slot * 0.16f);
                fill(PdfPalette.of(bar.tone()), left, track, Math.max(1, width * (float) Math.clamp(bar.value(), 0, 1)), slot * 0.16f);
                y -= slot;
            }
        }

        private void image(BufferedImage picture, float left, float bottom, float width, float height) throws IOException {
            PDImageXObject image = LosslessFactory.createFromImage(doc, picture);
            float scale = Math.min(width / picture.getWidth(), height / picture.getHeight());
            float w = picture.getWidth() * scale;
            float h = picture.getHeight() * scale;
            cs.drawImage(image, left + (width - w) / 2, bottom + (height - h), w, h);
        }

        private void footer(Deck deck, int number, int total) throws IOException {
            line(MARGIN, MARGIN + 6, WIDTH - MARGIN, MARGIN + 6);
            text(regular, 9, PdfPalette.MUTED, MARGIN, MARGIN - 8, fit(regular, 9, deck.title() + " · " + deck.footer(), WIDTH - 2 * MARGIN - 60));
            String page = number + " / " + total;
            text(regular, 9, PdfPalette.MUTED, WIDTH - MARGIN - regular.getStringWidth(page) / 1000 * 9, MARGIN - 8, page);
        }

        /** Faint diagonal text across the whole page, repeated so that no crop removes it. */
        private void watermark(String label) throws IOException {
            PDExtendedGraphicsState faint = new PDExtendedGraphicsState();
            faint.setNonStrokingAlphaConstant(0.13f);
            cs.saveGraphicsState();
            cs.setGraphicsStateParameters(faint);
            cs.setNonStrokingColor(PdfPalette.WATERMARK);
            String text = label.toUpperCase(java.util.Locale.ROOT);
            float size = 34;
            float step = bold.getStringWidth(text) / 1000 * size + 90;
            for (float row = -HEIGHT; row < HEIGHT * 2; row += 150) {
                for (float col = -WIDTH; col < WIDTH * 2; col += step) {
                    cs.beginText();
                    cs.setFont(bold, size);
                    cs.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(30), col, row));
                    cs.showText(text);
                    cs.endText();
                }
            }
            cs.restoreGraphicsState();
        }

        private void text(PDFont font, float size, Color colour, float x, float y, String s) throws IOException {
            if (s.isEmpty()) {
                return;
            }
            cs.beginText();
            cs.setFont(font, size);
            cs.setNonStrokingColor(colour);
            cs.newLineAtOffset(x, y);
            cs.showText(s);
            cs.endText();
        }

        private void fill(Color colour, float x, float y, float w, float h) throws IOException {
            cs.setNonStrokingColor(colour);
            cs.addRect(x, y, w, h);
            cs.fill();
        }

        private void line(float x1, float y1, float x2, float y2) throws IOException {
            cs.setStrokingColor(PdfPalette.RULE);
            cs.setLineWidth(0.6f);
            cs.moveTo(x1, y1);
            cs.lineTo(x2, y2);
            cs.stroke();
        }
    }

    static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    static String fit(PDFont font, float size, String text, float width) throws IOException {
        if (font.getStringWidth(text) / 1000 * size <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && font.getStringWidth(cut + "…") / 1000 * size > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    private static float fitSize(PDFont font, String text, float width, float max, float min) throws IOException {
        float size = max;
        while (size > min && font.getStringWidth(text) / 1000 * size > width) {
            size -= 1;
        }
        return size;
    }
}
