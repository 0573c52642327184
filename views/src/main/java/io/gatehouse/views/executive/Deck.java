package io.gatehouse.views.executive;

import java.util.List;
import java.util.Objects;

/**
 * The slides of one presentation, with what every page carries.
 *
 * @param title     the report's title
 * @param footer    the line at the foot of every page (source and time)
 * @param watermark the sandbox watermark text, or null for real data
 * @param slides    in order
 */
public record Deck(String title, String footer, String watermark, List<Slide> slides) {
    public Deck {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(footer, "footer");
        slides = List.copyOf(slides);
    }

    public boolean simulated() {
        return watermark != null;
    }
}
