package io.gatehouse.views.executive;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One slide, independent of how it is drawn: the screen, the PNG and the PDF are all made from it,
 * so they say the same thing. The PDF writes its words as real text.
 *
 * @param id         a short stable name, used for PNG file names ({@code 01-summary.png})
 * @param title      the headline
 * @param figures    large numbers across the top
 * @param paragraphs sentences below them
 * @param figure     a picture, if any
 * @param table      a table, if any
 */
public record Slide(String id, String title, List<KeyFigure> figures, List<String> paragraphs,
        Optional<SlideFigure> figure, Optional<SlideTable> table) {
    public Slide {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        figures = List.copyOf(figures);
        paragraphs = List.copyOf(paragraphs);
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(table, "table");
    }
}
